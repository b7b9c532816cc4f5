// @ts-check
import { parseIntoClientConfig } from 'pg-connection-string';
import { UserFacingError } from './errors.mjs';

/**
 * Where a datasource URL points, as discrete `pg` fields.
 *
 * Discrete fields matter: `{ ...config, database }` must be able to retarget a
 * pool at another database (the shadow database, the maintenance database),
 * and `pg` lets a `connectionString` override an explicit `database`.
 *
 * @typedef {object} PgTarget
 * @property {import('pg').ClientConfig} config discrete connection fields (no `connectionString`)
 * @property {string} database the database the URL names
 * @property {string | undefined} schema the `?schema=` PostgreSQL schema, if any
 * @property {string} location `host:port` for error messages (never the password)
 */

/** Prisma assumes this database when a PostgreSQL URL names none. */
const DEFAULT_DATABASE = 'postgres';

/**
 * Prisma's own URL parameters: `schema` becomes the adapter's schema option,
 * the others configure Prisma's native pool and mean nothing to `pg`.
 */
const PRISMA_ONLY_PARAMS = ['schema', 'connection_limit', 'pool_timeout', 'connect_timeout', 'pgbouncer', 'statement_cache_size'];

/**
 * @param {string | undefined} url the datasource URL the CLI passed, if any
 * @returns {string}
 */
export function requireUrl(url) {
  if (!url) throw new UserFacingError('P1012', 'The datasource has no `url`: set it in prisma.config.ts.');
  return url;
}

/**
 * @param {string} url a `postgresql://` datasource URL
 * @returns {PgTarget}
 */
export function pgTargetFromUrl(url) {
  const parsedUrl = new URL(url);
  const schema = parsedUrl.searchParams.get('schema') ?? undefined;
  for (const param of PRISMA_ONLY_PARAMS) parsedUrl.searchParams.delete(param);

  const config = parseIntoClientConfig(parsedUrl.toString());
  const database = config.database ?? DEFAULT_DATABASE;
  const host = config.host ?? 'localhost';
  const port = config.port ?? 5432;
  return {
    config: { ...config, database },
    database,
    schema,
    location: `${host}:${port}`,
  };
}

/**
 * The same server, another database.
 *
 * @param {PgTarget} target
 * @param {string} database
 * @returns {import('pg').ClientConfig}
 */
export function onDatabase(target, database) {
  return { ...target.config, database };
}

/**
 * Quotes an identifier for PostgreSQL DDL (CREATE/DROP DATABASE take no bind parameters).
 *
 * @param {string} identifier
 */
export function quoteIdent(identifier) {
  return `"${identifier.replaceAll('"', '""')}"`;
}
