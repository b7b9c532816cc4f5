// @ts-check
import { createInterface } from 'node:readline';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { MigrationAdapterFactory } from './adapter-factory.mjs';
import { createDatabase } from './database-admin.mjs';
import { pgTargetFromUrl, requireUrl } from './connection.mjs';
import { UserFacingError, isRecord } from './errors.mjs';
import { lastPanicMessage, loadSchemaEngine } from './wasm-engine.mjs';

/** @typedef {import('@prisma/schema-engine-wasm').SchemaEngine} SchemaEngine */
/** @import { ApplyMigrationsInput, CreateMigrationInput, DbExecuteParams, DevDiagnosticInput, DiagnoseMigrationHistoryInput, DiffParams, EnsureConnectionValidityParams, EvaluateDataLossInput, GetDatabaseVersionInput, IntrospectParams, IntrospectSqlParams, MarkMigrationAppliedInput, MarkMigrationRolledBackInput, ResetInput, SchemaPushInput } from '@prisma/schema-engine-wasm' */
/** @typedef {{ jsonrpc: '2.0', id: number | string, method: string, params?: unknown }} RpcRequest */

/** JSON-RPC "method not found", as the native engine answers an unknown method. */
const METHOD_NOT_FOUND = -32601;
/** The native engine's JSON-RPC error code for every user-facing or internal error. */
const ENGINE_ERROR = 4466;

/**
 * Methods the WebAssembly engine implements with the same parameters and
 * results as the native engine's JSON-RPC API. The params come off the wire
 * untyped; the engine deserializes and validates them itself, so they are
 * only cast here.
 *
 * @type {Record<string, (engine: SchemaEngine, params: unknown) => Promise<unknown>>}
 */
const FORWARDED = {
  applyMigrations: (e, p) => e.applyMigrations(/** @type {ApplyMigrationsInput} */ (p)),
  createMigration: (e, p) => e.createMigration(/** @type {CreateMigrationInput} */ (p)),
  dbExecute: (e, p) => e.dbExecute(/** @type {DbExecuteParams} */ (p)),
  devDiagnostic: (e, p) => e.devDiagnostic(/** @type {DevDiagnosticInput} */ (p)),
  diagnoseMigrationHistory: (e, p) => e.diagnoseMigrationHistory(/** @type {DiagnoseMigrationHistoryInput} */ (p)),
  diff: async (e, p) => {
    const result = await e.diff(/** @type {DiffParams} */ (p));
    // The native engine hands the diff to the CLI to print (which is how --output captures it).
    if (result.stdout !== null) printOnCli(result.stdout.replace(/\n$/, ''));
    return { ...result, stdout: null };
  },
  ensureConnectionValidity: (e, p) => e.ensureConnectionValidity(/** @type {EnsureConnectionValidityParams} */ (p)),
  evaluateDataLoss: (e, p) => evaluateDataLoss(e, /** @type {EvaluateDataLossInput} */ (p)),
  getDatabaseVersion: (e, p) => e.version(/** @type {GetDatabaseVersionInput | null} */ (p ?? null)),
  introspect: (e, p) => e.introspect(/** @type {IntrospectParams} */ (p)),
  introspectSql: (e, p) => e.introspectSql(/** @type {IntrospectSqlParams} */ (p)),
  markMigrationApplied: (e, p) => e.markMigrationApplied(/** @type {MarkMigrationAppliedInput} */ (p)),
  markMigrationRolledBack: (e, p) => e.markMigrationRolledBack(/** @type {MarkMigrationRolledBackInput} */ (p)),
  reset: (e, p) => e.reset(/** @type {ResetInput} */ (p)),
  schemaPush: (e, p) => e.schemaPush(/** @type {SchemaPushInput} */ (p)),
};

/**
 * The WebAssembly engine's evaluateDataLoss always fails on PostgreSQL ("shadow
 * DB must be provided through an external factory": that code path never gets
 * the adapter's shadow database), so `migrate dev` could not create any
 * migration after the first. createMigration does get it: a draft tells
 * whether the schema differs from the migration history, and how many
 * statements it takes. Data-loss warnings are not computed; the CLI shows the
 * new migration.sql, which is what to review before applying.
 *
 * @param {SchemaEngine} engine
 * @param {EvaluateDataLossInput} input
 */
async function evaluateDataLoss(engine, input) {
  try {
    return await engine.evaluateDataLoss(input);
  } catch (error) {
    if (!String(error instanceof Error ? error.message : error).includes('shadow DB must be provided')) throw error;
  }
  const draft = await engine.createMigration({ ...input, draft: true, migrationName: 'evaluate_data_loss' });
  const statements = (draft.migrationScript ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .filter((statement) => statement.trim() !== '');
  return { migrationSteps: statements.length, warnings: [], unexecutableSteps: [] };
}

/**
 * @typedef {object} RpcServerOptions
 * @property {string | undefined} url the datasource URL the CLI passed
 * @property {[string, string][] | undefined} datamodels `[path, content]` of each schema file
 * @property {(line: string) => void} log writes one JSON log line to stderr
 */

/**
 * Serves the schema engine's JSON-RPC API on stdin/stdout (one JSON message
 * per line) until the CLI closes stdin or terminates the process.
 *
 * @param {RpcServerOptions} options
 */
export function serveJsonRpc({ url, datamodels, log }) {
  /** @type {MigrationAdapterFactory | undefined} */
  let factory;
  /** @type {Promise<SchemaEngine> | undefined} */
  let engine;

  // The engine connects lazily, like the native one: the CLI first makes sure the database exists.
  const getEngine = () => {
    engine ??= (async () => {
      const target = pgTargetFromUrl(requireUrl(url));
      const wasm = await loadSchemaEngine();
      factory = new MigrationAdapterFactory(target);
      return wasm.SchemaEngine.new({ datamodels }, log, bindMigrationAwareSqlAdapterFactory(factory));
    })();
    return engine;
  };

  /** @type {Record<string, (params: unknown) => Promise<unknown>>} */
  const answeredHere = {
    // The WebAssembly engine cannot create databases: it only ever sees connections.
    createDatabase: async (params) => ({
      databaseName: await createDatabase(pgTargetFromUrl(urlOf(params) ?? requireUrl(url))),
    }),
    debugPanic: async () => {
      throw Object.assign(new Error('This is the debugPanic artificial panic'), { isPanic: true });
    },
  };

  /**
   * @param {string} method
   * @returns {((params: unknown) => Promise<unknown>) | undefined}
   */
  const handlerFor = (method) => {
    if (Object.hasOwn(answeredHere, method)) return answeredHere[method];
    if (!Object.hasOwn(FORWARDED, method)) return undefined;
    const forward = FORWARDED[method];
    // Methods without a result (dbExecute, reset) still owe the CLI a `result` member.
    return async (params) => (await forward(await getEngine(), params)) ?? {};
  };

  // One command at a time, in arrival order: the engine is single-threaded and stateful.
  let queue = Promise.resolve();
  /** @type {RpcRequest | undefined} */
  let inFlight;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    const request = parseRequest(line);
    if (request === 'response') return;
    if (!request) {
      log(JSON.stringify({ level: 'WARN', fields: { message: 'Ignoring a line that is not a JSON-RPC request' }, target: 'seatstorm::schema_engine' }));
      return;
    }
    queue = queue.then(async () => {
      const handler = handlerFor(request.method);
      if (!handler) {
        send({ jsonrpc: '2.0', id: request.id, error: { code: METHOD_NOT_FOUND, message: `Method not found: ${request.method}` } });
        return;
      }
      inFlight = request;
      try {
        send({ jsonrpc: '2.0', id: request.id, result: await handler(request.params) });
      } catch (error) {
        send({ jsonrpc: '2.0', id: request.id, error: toRpcError(error) });
        // A panicked WebAssembly instance is unusable, exactly like a panicked native engine.
        if (isPanic(error)) await shutdown(101);
      } finally {
        inFlight = undefined;
      }
    });
  });

  // A panic inside a callback the engine scheduled (a driver adapter promise
  // settling) traps outside any awaited call: answer the command it broke.
  process.on('uncaughtException', (error) => {
    if (inFlight) send({ jsonrpc: '2.0', id: inFlight.id, error: toRpcError(error) });
    log(JSON.stringify({ level: 'ERROR', fields: { message: String(lastPanicMessage() ?? error.stack ?? error) }, target: 'seatstorm::schema_engine' }));
    void shutdown(101);
  });

  /** @param {number} exitCode */
  const shutdown = async (exitCode) => {
    await factory?.disposeAll();
    // The engine keeps a timer alive; nothing is left to wait for once the pools are closed.
    process.exit(exitCode);
  };
  lines.on('close', () => {
    void queue.then(() => shutdown(0));
  });
  // The CLI ends stdin and then kills the engine straight away: clean up all the same.
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
    process.on(signal, () => void shutdown(0));
  }
}

/** @param {unknown} message */
function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

let printRequests = 0;

/**
 * Asks the CLI to print `content` on its stdout, as the native engine does
 * with JSON-RPC `print` requests. The CLI's acknowledgement is ignored.
 *
 * @param {string} content
 */
function printOnCli(content) {
  printRequests += 1;
  send({ jsonrpc: '2.0', id: `print-${printRequests}`, method: 'print', params: { content } });
}

/**
 * @param {string} line
 * @returns {RpcRequest | 'response' | undefined} a request, the CLI's answer to a `print`, or nothing usable
 */
function parseRequest(line) {
  /** @type {unknown} */
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(message)) return undefined;
  if (message.method === undefined && ('result' in message || 'error' in message)) return 'response';
  if (typeof message.method !== 'string') return undefined;
  const { id } = message;
  if (typeof id !== 'number' && typeof id !== 'string') return undefined;
  return { jsonrpc: '2.0', id, method: message.method, params: message.params };
}

/**
 * `createDatabase` names its target as `{ datasource: { tag: "ConnectionString", url } }`.
 *
 * @param {unknown} params
 * @returns {string | undefined}
 */
function urlOf(params) {
  if (!isRecord(params) || !isRecord(params.datasource)) return undefined;
  const { tag, url } = params.datasource;
  return tag === 'ConnectionString' && typeof url === 'string' ? url : undefined;
}

/** @param {unknown} error */
function isPanic(error) {
  return error instanceof WebAssembly.RuntimeError || (isRecord(error) && error.isPanic === true);
}

/**
 * The error shape the Prisma CLI reads from the native engine: a stable
 * `error_code` (P…) when there is one, `is_panic` for crashes.
 *
 * @param {unknown} error
 */
function toRpcError(error) {
  const panicked = isPanic(error);
  const message = (panicked ? lastPanicMessage() : undefined) ?? (error instanceof Error ? error.message : String(error));
  /** @type {Record<string, unknown>} */
  const data = { is_panic: panicked, message, meta: {} };
  if (error instanceof UserFacingError) {
    data.error_code = error.errorCode;
    data.meta = error.meta;
  } else if (isRecord(error) && typeof error.code === 'string' && /^P\d{4}$/.test(error.code)) {
    data.error_code = error.code;
  }
  if (data.is_panic) data.error = { message };
  return { code: ENGINE_ERROR, message: 'An error happened. Check the data field for details.', data };
}
