// @ts-check

/**
 * A failure the Prisma CLI shows to the user with its stable `P…` code, the
 * way the native schema engine reports it.
 */
export class UserFacingError extends Error {
  /**
   * @param {string} errorCode e.g. `P1003`
   * @param {string} message
   * @param {Record<string, unknown>} [meta]
   */
  constructor(errorCode, message, meta = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.errorCode = errorCode;
    this.meta = meta;
  }
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isRecord(value) {
  return typeof value === 'object' && value !== null;
}

/**
 * Translates a `pg` connection or DDL failure into the error the Prisma CLI
 * expects (it branches on P1003 to offer creating the database).
 *
 * @param {unknown} error
 * @param {{ database: string, location: string, user?: string | undefined }} target
 * @returns {Error}
 */
export function toUserFacingError(error, target) {
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
  const [host, port] = target.location.split(':');
  switch (code) {
    case '3D000':
      return new UserFacingError('P1003', `Database \`${target.database}\` does not exist on the database server at \`${target.location}\`.`, {
        database_name: target.database,
        database_host: host,
        database_port: port,
      });
    case '42P04':
      return new UserFacingError('P1009', `Database \`${target.database}\` already exists on the database server at \`${target.location}\``, {
        database_name: target.database,
        database_host: host,
        database_port: port,
      });
    case '28P01':
    case '28000':
      return new UserFacingError(
        'P1000',
        `Authentication failed against database server, the provided database credentials for \`${target.user ?? ''}\` are not valid.`,
        { database_user: target.user ?? '', database_host: host },
      );
    case '42501':
      return new UserFacingError('P1010', `User was denied access on the database \`${target.database}\``, {
        database_name: target.database,
      });
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return new UserFacingError(
        'P1001',
        `Can't reach database server at \`${target.location}\`\n\nPlease make sure your database server is running at \`${target.location}\`.`,
        { database_host: host, database_port: port },
      );
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
