import { Logger } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';

const logger = new Logger('PgPool');

/**
 * The one connection pool of a process. Prisma's driver adapter runs on it,
 * and so does the booking core's batch transaction, which skips Prisma's query
 * compiler: a batch is a handful of set-based statements, each run thousands of
 * times a second, and it spent more CPU in Prisma than PostgreSQL spent on it.
 *
 * @param connectionString a `postgresql://` URL
 * @param poolSize the most connections the pool opens (node-postgres defaults to 10)
 */
export function createPgPool(connectionString: string, poolSize?: number): Pool {
  const pool = new Pool(poolSize === undefined ? { connectionString } : { connectionString, max: poolSize });
  // A connection PostgreSQL cuts (a crash, a restart, a terminated backend) emits 'error', and an
  // 'error' nobody listens to ends the process. The pool drops an idle one by itself; one in use fails
  // its queries, and is dropped when it is released. Either way the process goes on with new ones.
  pool.on('connect', (client) => client.on('error', (error) => logger.warn(`a database connection was lost: ${error.message}`)));
  // The pool hands on an idle connection's error too: already logged by the listener above.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `work` in one transaction on a connection of its own: committed if it
 * resolves, rolled back if it throws. A connection that failed mid-transaction
 * is discarded, not returned to the pool.
 *
 * @param settings parameterless SQL run right after BEGIN, in the same round trip (e.g. `SET LOCAL …`)
 */
export async function inPgTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, settings?: string): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // Without parameters, node-postgres sends the text as one simple query: several statements, one round trip.
    await client.query(settings === undefined ? 'BEGIN' : `BEGIN; ${settings}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export type { Pool, PoolClient } from 'pg';
