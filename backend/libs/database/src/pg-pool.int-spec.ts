import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually';
import { testConfig } from '../../../test/test-env';
import { createPgPool, inPgTransaction } from './pg-pool';

/**
 * What a PostgreSQL crash or restart does to a process's pool: every open
 * connection is cut. The process must live through it (node-postgres emits
 * an 'error' that kills a process nobody listens on) and go on with new
 * connections once the server answers again.
 */
describe('the process pool when PostgreSQL cuts its connections', () => {
  const config = testConfig();
  const pool = createPgPool(config.DATABASE_URL, 3);
  const admin = createPgPool(config.DATABASE_URL, 1);

  afterAll(async () => {
    await pool.end();
    await admin.end();
  });

  const cut = async (pid: number) => {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  };

  it('lives through a connection cut while it is checked out between two queries, and the next transaction gets a fresh one', async () => {
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise((resolve) => client.once('end', resolve));
    await cut(rows[0]!.pid);
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);

    const pid = await inPgTransaction(pool, async (fresh) => (await fresh.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
    expect(pid).not.toBe(rows[0]!.pid);
  });

  it('lives through a connection cut while it sits idle in the pool', async () => {
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await cut(rows[0]!.pid);
    await eventually(
      async () => (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [rows[0]!.pid])).rows[0].n,
      (n) => n === 0,
      10_000,
    );
    const again = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(again.rows[0]!.one).toBe(1);
  });
});
