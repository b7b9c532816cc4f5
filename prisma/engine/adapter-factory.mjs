// @ts-check
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { onDatabase, quoteIdent } from './connection.mjs';
import { withClient } from './database-admin.mjs';

/** @typedef {import('@prisma/driver-adapter-utils').SqlDriverAdapter} SqlDriverAdapter */
/** @typedef {import('@prisma/driver-adapter-utils').SqlMigrationAwareDriverAdapterFactory} SqlMigrationAwareDriverAdapterFactory */

const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

/**
 * @adapter-pg cannot map PostgreSQL's catalog types `"char"` (OID 18) and
 * `name` (OID 19) to a column type and fails the whole query, yet the schema
 * engine's introspection selects exactly such columns from pg_catalog. Both
 * arrive in text format and read correctly as text, so each row description
 * is relabelled before pg and the adapter see it.
 *
 * @param {unknown} message a pg-protocol RowDescription message
 */
function relabelCatalogTypesAsText(message) {
  if (typeof message !== 'object' || message === null || !('fields' in message) || !Array.isArray(message.fields)) {
    return;
  }
  for (const field of message.fields) {
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
}

/**
 * @param {import('pg').ClientConfig} config
 * @returns {import('pg').Pool}
 */
function createPool(config) {
  // allowExitOnIdle: an idle pool the engine never disposed must not keep the process alive.
  const pool = new pg.Pool({ ...config, allowExitOnIdle: true });
  pool.on('connect', (client) => {
    client.connection.prependListener('rowDescription', relabelCatalogTypesAsText);
  });
  return pool;
}

/**
 * The driver adapter factory the WebAssembly schema engine migrates through:
 * @prisma/adapter-pg for every connection, with two departures from the
 * adapter (7.10.1):
 * - the shadow database is handled here: the adapter's `connectToShadowDb`
 *   connects to the main database when configured with a connection string,
 *   drops the shadow database while its pool still holds connections, and
 *   never closes the connection it created it from;
 * - a script (a migration) goes to PostgreSQL whole, as one simple-protocol
 *   query like the native engine sends it, instead of being split on every
 *   `;` (which breaks `DO $$ … $$` blocks and string literals). An
 *   `executeRaw` without parameters is exactly that, with the adapter's error
 *   mapping kept.
 *
 * @implements {SqlMigrationAwareDriverAdapterFactory}
 */
export class MigrationAdapterFactory {
  provider = /** @type {const} */ ('postgres');
  adapterName = '@prisma/adapter-pg';

  /** @type {Set<() => Promise<void>>} */
  #openDisposers = new Set();

  /** @param {import('./connection.mjs').PgTarget} target */
  constructor(target) {
    this.target = target;
  }

  /** @returns {Promise<SqlDriverAdapter>} */
  async connect() {
    return this.#open(this.target.config, async () => undefined);
  }

  /** @returns {Promise<SqlDriverAdapter>} */
  async connectToShadowDb() {
    const shadowDatabase = `prisma_migrate_shadow_db_${randomUUID()}`;
    const mainConfig = this.target.config;
    await withClient(mainConfig, (client) => client.query(`CREATE DATABASE ${quoteIdent(shadowDatabase)}`));
    return this.#open(onDatabase(this.target, shadowDatabase), async () => {
      await withClient(mainConfig, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(shadowDatabase)}`));
    });
  }

  /**
   * Closes whatever the engine left open (and drops a shadow database a
   * failed command left behind) before the process exits.
   */
  async disposeAll() {
    await Promise.allSettled([...this.#openDisposers].map((dispose) => dispose()));
  }

  /**
   * @param {import('pg').ClientConfig} config
   * @param {() => Promise<void>} afterPoolClosed runs once the pool has no connections left
   * @returns {Promise<SqlDriverAdapter>}
   */
  async #open(config, afterPoolClosed) {
    const adapter = await new PrismaPg(createPool(config), {
      schema: this.target.schema,
      disposeExternalPool: true,
    }).connect();

    /** @type {Promise<void> | undefined} */
    let disposing;
    const dispose = () => {
      disposing ??= (async () => {
        this.#openDisposers.delete(dispose);
        await adapter.dispose();
        await afterPoolClosed();
      })();
      return disposing;
    };
    this.#openDisposers.add(dispose);

    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: (query) => adapter.queryRaw(query),
      executeRaw: (query) => adapter.executeRaw(query),
      executeScript: async (script) => {
        await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
      },
      startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
      getConnectionInfo: () => adapter.getConnectionInfo(),
      dispose,
    };
  }
}
