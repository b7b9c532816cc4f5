import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { cpuMsOf } from '../cpu';
import { log } from '../report';
import type { Baselines } from '../results';

const ROWS = 50_000;

/** A connection's part of the table, with the status each of its rows has now. */
interface Lane {
  client: PoolClient;
  pid: number;
  ids: string[];
  reserved: boolean[];
  /** A permutation of the lane's row indexes, reshuffled in part for each batch. */
  order: number[];
  rows: number;
}

/**
 * What plain PostgreSQL does for the booking core's hot statement: one
 * batched, conditional seat update per transaction (like
 * BookingsRepository.updateSeats), committed with the server's own
 * durability settings. Each connection works on rows of its own, so the
 * transactions never wait for one another's locks, and every row of a batch
 * flips (available → reserved, reserved → available): the statement always
 * changes `batchRows` rows, as the core's does. The table is the run's own,
 * in the given database, and dropped at the end.
 */
export async function measureRawPostgres({
  databaseUrl,
  seconds = 4,
  connections = 2,
  batchRows = 500,
}: {
  databaseUrl: string;
  seconds?: number;
  connections?: number;
  batchRows?: number;
}): Promise<Baselines['postgres']> {
  const perLane = Math.floor(ROWS / connections);
  if (batchRows > perLane) throw new Error(`batches of ${batchRows} rows need more than the ${perLane} rows each of ${connections} connections has`);
  const table = `bench_raw_seats_${randomUUID().slice(0, 8)}`;
  const ids = Array.from({ length: ROWS }, (_, n) => `seat_${String(n).padStart(6, '0')}`);
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  const lanes: Lane[] = [];
  try {
    for (let i = 0; i < connections; i += 1) lanes.push(await openLane(pool, ids.slice(i * perLane, (i + 1) * perLane)));
    await createTable(lanes[0]!.client, table, ids);
    log(`raw PostgreSQL: ${connections} connections, batched updates of ${batchRows} rows, for ${seconds} s…`);
    const cpuBefore = await backendCpuMs(lanes);
    const started = performance.now();
    const until = started + seconds * 1000;
    const failed = (await Promise.allSettled(lanes.map((lane) => runLane(lane, table, batchRows, until)))).find((lane) => lane.status === 'rejected');
    if (failed) throw failed.reason;
    const elapsedSeconds = (performance.now() - started) / 1000;
    const cpuMs = (await backendCpuMs(lanes)) - cpuBefore;
    const rows = lanes.reduce((sum, lane) => sum + lane.rows, 0);
    return { rowsPerSecond: rows / elapsedSeconds, cpuMsPer1000Rows: (cpuMs / rows) * 1000, batchRows, connections };
  } finally {
    for (const lane of lanes) lane.client.release();
    await pool.query(`DROP TABLE IF EXISTS ${table}`).finally(() => pool.end());
  }
}

/** A connection kept for the whole run, so its backend's CPU time can be read. */
async function openLane(pool: Pool, ids: string[]): Promise<Lane> {
  const client = await pool.connect();
  const { rows } = await client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
  // For 500 of 50,000 rows the planner prefers hashing the whole table (random_page_cost prices each index lookup
  // as a disk read), and the run would time a scan per batch rather than 500 row updates (a quarter of the rate).
  // Forced here: the plan the core's statement gets on a seat table of many events, primary-key lookups.
  await client.query(`SELECT set_config('enable_hashjoin', 'off', false), set_config('enable_mergejoin', 'off', false)`);
  return { client, pid: rows[0]!.pid, ids, reserved: ids.map(() => false), order: ids.map((_, i) => i), rows: 0 };
}

/** A normal (logged) table shaped like the seats the core updates, analyzed so the planner knows its size from the first batch. */
async function createTable(client: PoolClient, table: string, ids: readonly string[]): Promise<void> {
  await client.query(`CREATE TABLE ${table} (id text PRIMARY KEY, status text NOT NULL, booking_id text NULL)`);
  await client.query(`INSERT INTO ${table} (id, status) SELECT id, 'available' FROM unnest($1::text[]) AS id`, [ids]);
  await client.query(`ANALYZE ${table}`);
}

/** Transactions one after the other until `until`, each flipping `batchRows` random rows of the lane. */
async function runLane(lane: Lane, table: string, batchRows: number, until: number): Promise<void> {
  const statement = `UPDATE ${table} AS t SET status = v.status, booking_id = v.booking
                       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, status, booking, expected)
                      WHERE t.id = v.id AND t.status = v.expected`;
  for (let batch = 0; performance.now() < until; batch += 1) {
    const picked = pickDistinct(lane.order, batchRows);
    const reserve = picked.map((i) => !lane.reserved[i]);
    await inTransaction(lane.client, async () => {
      const { rowCount } = await lane.client.query(statement, [
        picked.map((i) => lane.ids[i]!),
        reserve.map((reserving) => (reserving ? 'reserved' : 'available')),
        reserve.map((reserving) => (reserving ? `bkg_${lane.pid}_${batch}` : null)),
        reserve.map((reserving) => (reserving ? 'available' : 'reserved')),
      ]);
      // Every row was known to have the expected status: fewer updated would mean less work than claimed.
      if (rowCount !== batchRows) throw new Error(`a batch of ${batchRows} conditional updates changed ${String(rowCount)} rows`);
    });
    picked.forEach((i, n) => (lane.reserved[i] = reserve[n]!));
    lane.rows += batchRows;
  }
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('COMMIT');
}

/** `count` distinct indexes of `order`, at random: a partial Fisher–Yates shuffle of it, which stays a permutation. */
function pickDistinct(order: number[], count: number): number[] {
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(Math.random() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, count);
}

/** CPU time of the backends serving the lanes: what PostgreSQL spent on their statements and commits. */
async function backendCpuMs(lanes: readonly Lane[]): Promise<number> {
  const spent = await Promise.all(lanes.map((lane) => cpuMsOf(lane.pid)));
  return spent.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
}
