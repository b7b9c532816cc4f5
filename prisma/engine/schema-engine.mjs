#!/usr/bin/env node
// @ts-check
/**
 * Seatstorm's schema engine for the Prisma CLI (PRISMA_SCHEMA_ENGINE_BINARY).
 *
 * Prisma's native schema engine is a binary downloaded at install time, which
 * these machines cannot fetch. This program takes its place: it accepts the
 * same command line and speaks the same JSON-RPC on stdin/stdout, and runs
 * Prisma's WebAssembly schema engine (@prisma/schema-engine-wasm) over
 * @prisma/adapter-pg.
 *
 *   schema-engine --version
 *   schema-engine [--datamodels <file>]... [--datasource <json>] cli <can-connect-to-database|create-database|drop-database>
 *   schema-engine [--datamodels <file>]... [--datasource <json>]          (JSON-RPC server)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { canConnectToDatabase, createDatabase, dropDatabase } from './database-admin.mjs';
import { pgTargetFromUrl, requireUrl } from './connection.mjs';
import { UserFacingError, isRecord } from './errors.mjs';
import { serveJsonRpc } from './rpc-server.mjs';
import { loadSchemaEngine } from './wasm-engine.mjs';

const LOG_TARGET = 'schema_engine::logger';

/**
 * One JSON log line on stderr, in the native engine's format: the CLI parses
 * these lines and reads `fields.error_code` / `fields.message` from ERROR ones.
 *
 * @param {'INFO' | 'WARN' | 'ERROR'} level
 * @param {Record<string, unknown>} fields
 */
function logLine(level, fields) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: LOG_TARGET });
}

/**
 * @param {string | undefined} json the `--datasource` argument: the Prisma config's datasource
 * @returns {string | undefined}
 */
function datasourceUrl(json) {
  if (!json) return undefined;
  /** @type {unknown} */
  const datasource = JSON.parse(json);
  if (!isRecord(datasource)) return undefined;
  if (typeof datasource.shadowDatabaseUrl === 'string') {
    process.stderr.write(`${logLine('WARN', { message: 'shadowDatabaseUrl is not supported here; a temporary shadow database is created instead' })}\n`);
  }
  return typeof datasource.url === 'string' ? datasource.url : undefined;
}

/** @type {Record<string, (target: import('./connection.mjs').PgTarget) => Promise<unknown>>} */
const ONE_SHOT_COMMANDS = {
  'can-connect-to-database': canConnectToDatabase,
  'create-database': createDatabase,
  'drop-database': dropDatabase,
};

/**
 * `cli <command>`: run once and exit. On failure the CLI skips the first
 * stderr line, parses the rest as JSON and looks for the ERROR line's code
 * (P1003 "database does not exist" makes `migrate` create it).
 *
 * @param {string} command
 * @param {string | undefined} url
 */
async function runOneShot(command, url) {
  const started = logLine('INFO', { message: `Starting schema engine CLI: ${command}` });
  try {
    if (!Object.hasOwn(ONE_SHOT_COMMANDS, command)) throw new Error(`Unknown schema engine CLI command: ${command}`);
    await ONE_SHOT_COMMANDS[command](pgTargetFromUrl(requireUrl(url)));
    process.stderr.write(started);
    return 0;
  } catch (error) {
    const fields =
      error instanceof UserFacingError
        ? { message: error.message, error_code: error.errorCode }
        : { message: error instanceof Error ? error.message : String(error) };
    // No trailing newline: the CLI parses every line after the first, and an empty one is not JSON.
    process.stderr.write(`${started}\n${logLine('ERROR', fields)}`);
    return 1;
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      version: { type: 'boolean' },
      datamodels: { type: 'string', multiple: true },
      datasource: { type: 'string' },
      'enabled-preview-features': { type: 'string' },
      'extension-types': { type: 'string' },
    },
    allowPositionals: true,
  });

  if (values.version) {
    const wasm = await loadSchemaEngine();
    process.stdout.write(`schema-engine-cli ${wasm.version()}\n`);
    return;
  }

  const url = datasourceUrl(values.datasource);
  if (positionals[0] === 'cli') {
    process.exitCode = await runOneShot(positionals[1] ?? '', url);
    return;
  }

  /** @type {[string, string][]} */
  const datamodels = (values.datamodels ?? []).map((file) => [file, readFileSync(resolve(file), 'utf8')]);
  serveJsonRpc({
    url,
    // `db execute` sends no schema; the engine panics on an empty list but accepts none.
    datamodels: datamodels.length > 0 ? datamodels : undefined,
    log: (line) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`),
  });
}

await main();
