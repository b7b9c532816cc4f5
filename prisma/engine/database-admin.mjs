// @ts-check
import pg from 'pg';
import { onDatabase, quoteIdent } from './connection.mjs';
import { toUserFacingError } from './errors.mjs';

/**
 * CREATE/DROP DATABASE cannot run inside the database they name, so they run
 * from PostgreSQL's maintenance database.
 */
const MAINTENANCE_DATABASE = 'postgres';

/**
 * Runs `work` on a short-lived client, always closing it.
 *
 * @template T
 * @param {import('pg').ClientConfig} config
 * @param {(client: import('pg').Client) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function withClient(config, work) {
  const client = new pg.Client(config);
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * @param {import('./connection.mjs').PgTarget} target
 * @param {string} database
 * @param {(client: import('pg').Client) => Promise<void>} work
 */
async function onServer(target, database, work) {
  try {
    await withClient(onDatabase(target, database), work);
  } catch (error) {
    throw toUserFacingError(error, { database: target.database, location: target.location, user: target.config.user });
  }
}

/** @param {import('./connection.mjs').PgTarget} target */
export async function canConnectToDatabase(target) {
  await onServer(target, target.database, async (client) => {
    await client.query('SELECT 1');
  });
}

/** @param {import('./connection.mjs').PgTarget} target */
export async function createDatabase(target) {
  await onServer(target, MAINTENANCE_DATABASE, async (client) => {
    await client.query(`CREATE DATABASE ${quoteIdent(target.database)}`);
  });
  return target.database;
}

/** @param {import('./connection.mjs').PgTarget} target */
export async function dropDatabase(target) {
  await onServer(target, MAINTENANCE_DATABASE, async (client) => {
    await client.query(`DROP DATABASE ${quoteIdent(target.database)}`);
  });
}
