import { randomUUID } from 'node:crypto';
import type { AppConfig } from '@seatstorm/config';
import { allTopicSpecs, bookingCommands, Topic } from '@seatstorm/contracts';
import { DEPLOYMENT_HEADER, deploymentOf, encodeMessage, kafkaClientConfig, PRODUCER_SETTINGS } from '@seatstorm/kafka';
import { Kafka, Partitioners } from 'kafkajs';
import type { Pool } from 'pg';
import type { BuiltEvent } from '../test/builders/event.builder';
import type { BuiltUser } from '../test/builders/user.builder';
import { CpuMeter, type CpuShare } from './cpu';
import { randomSeats } from './end-to-end';
import { log, type Percentiles } from './report';

export interface CoreResult {
  commands: number;
  /** Partitions of booking.commands that had work. */
  partitions: number;
  publishSeconds: number;
  decided: number;
  /** From the first decision's transaction to the moment the last decision was published. */
  decisionSeconds: number;
  /** From the first send to the moment every decision was seen published (polled every 100 ms). */
  wallSeconds: number;
  /** trace.decidedInMs of the booking events: from a command's issue to its decision. */
  latencyMs: Percentiles;
  batches: { count: number; mean: number; max: number };
  outcomes: Record<string, number>;
  /** CPU spent from the first send until every decision was published, per part of the system. */
  cpu: CpuShare[];
}

const POLL_MS = 100;
const PROGRESS_EVERY_MS = 2000;

/**
 * Publishes `commands` hold commands straight to booking.commands, spread
 * evenly over the partitions the events land on, in produce requests of
 * `sendBatch` messages, each validated and keyed by the contract; then waits
 * until every decision is published and reads the numbers from the database,
 * which holds what the decisions committed.
 */
export async function runBookingCore(options: {
  config: AppConfig;
  db: Pool;
  events: readonly BuiltEvent[];
  users: readonly BuiltUser[];
  commands: number;
  sendBatch: number;
  timeoutSeconds: number;
  /** The processes whose CPU time is counted, beside PostgreSQL's backends and this one. */
  processes: ReadonlyArray<{ name: string; pid: number | undefined }>;
  /** Best available for this many seats together instead of naming random seats. */
  bestOf?: number;
}): Promise<CoreResult> {
  const { db, events, users } = options;
  const eventIds = events.map((event) => event.eventId);
  const producer = new Kafka(kafkaClientConfig(options.config, 'bench-producer')).producer(PRODUCER_SETTINGS);
  await producer.connect();
  const run = randomUUID().slice(0, 8);
  const { partitions, eventOf } = spreadOverPartitions(events);
  const lastCommandOf = new Map<string, string>();
  // The whole backlog is issued (and validated) first, so the generator's CPU is not spent while the core works.
  const issuedAt = new Date();
  const commands = Array.from({ length: options.commands }, (_, n) => {
    const event = eventOf(n);
    lastCommandOf.set(event.eventId, `hold_bench_${run}_${n}`);
    const command = bookingCommands.hold(
      {
        commandId: `hold_bench_${run}_${n}`,
        eventId: event.eventId,
        bookingId: `bkg_bench_${run}_${n}`,
        userId: users[n % users.length]!.id,
        ...(options.bestOf ? { seatIds: [], best: { count: options.bestOf } } : { seatIds: randomSeats(event.seatIds) }),
      },
      options.timeoutSeconds * 1000,
      issuedAt,
    );
    const { key, value, headers } = encodeMessage(Topic.BookingCommands, command);
    // Stamped like MessageProducer stamps, so the bench's own services take these as theirs and others leave them alone.
    return { key, value, headers: { ...headers, [DEPLOYMENT_HEADER]: deploymentOf(options.config) } };
  });
  // Each event's commands are decided in order (one partition): once every event's last one is, all are.
  const lastOfEachEvent = [...lastCommandOf.values()];

  const meter = await CpuMeter.start(options.processes, db);
  const started = Date.now();
  try {
    for (let sent = 0; sent < commands.length; sent += options.sendBatch) {
      await producer.sendBatch({ acks: -1, topicMessages: [{ topic: Topic.BookingCommands, messages: commands.slice(sent, sent + options.sendBatch) }] });
    }
  } finally {
    await producer.disconnect();
  }
  const publishSeconds = (Date.now() - started) / 1000;
  log(`sent ${options.commands} hold commands over ${events.length} events in ${publishSeconds.toFixed(1)} s; waiting for the decisions…`);

  const decidedCount = async (commandIds?: readonly string[]): Promise<number> =>
    (
      await db.query<{ n: number }>(
        commandIds
          ? `SELECT count(*)::int AS n FROM processed_commands WHERE command_id = ANY($1)`
          : `SELECT count(*)::int AS n FROM processed_commands WHERE event_id = ANY($1)`,
        [commandIds ?? eventIds],
      )
    ).rows[0]!.n;
  const giveUpAt = started + options.timeoutSeconds * 1000;
  let progressAt = Date.now();
  const unpublished = async (): Promise<boolean> =>
    ((await db.query(`SELECT 1 FROM outbox_messages WHERE published_at IS NULL AND key = ANY($1) LIMIT 1`, [eventIds])).rowCount ?? 0) > 0;
  while ((await decidedCount(lastOfEachEvent)) < lastOfEachEvent.length || (await unpublished())) {
    if (Date.now() > giveUpAt) throw new Error(`only ${await decidedCount()} of ${options.commands} commands decided within ${options.timeoutSeconds} s`);
    if (Date.now() - progressAt >= PROGRESS_EVERY_MS) {
      log(`${await decidedCount()} decided…`);
      progressAt = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const wallSeconds = (Date.now() - started) / 1000;
  const cpu = await meter.stop();
  const decided = await decidedCount();
  return { commands: options.commands, partitions, publishSeconds, decided, wallSeconds, cpu, ...(await measure(db, eventIds)) };
}

/**
 * Which event the n-th command is for: the partitions the events land on
 * (murmur2 of the key, as every producer does) get equal shares, and each
 * partition's events share its part. Events hash unevenly onto partitions;
 * spread by event instead, the busiest partition would still be working
 * alone long after the others were done, and the run would measure that.
 */
function spreadOverPartitions(events: readonly BuiltEvent[]): { partitions: number; eventOf: (n: number) => BuiltEvent } {
  const partitions = allTopicSpecs().find((spec) => spec.name === Topic.BookingCommands)!.partitions;
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 0,
    partitionErrorCode: 0,
    replicas: [0],
    isr: [0],
  }));
  const partitionOf = Partitioners.DefaultPartitioner();
  const byPartition = new Map<number, BuiltEvent[]>();
  for (const event of events) {
    const partition = partitionOf({ topic: Topic.BookingCommands, partitionMetadata, message: { key: event.eventId, value: null } });
    byPartition.set(partition, [...(byPartition.get(partition) ?? []), event]);
  }
  const lanes = [...byPartition.values()];
  const eventOf = (n: number) => {
    const lane = lanes[n % lanes.length]!;
    return lane[Math.floor(n / lanes.length) % lane.length]!;
  };
  return { partitions: lanes.length, eventOf };
}

/** What the committed decisions say about themselves: their booking events in the outbox carry each one's trace. */
async function measure(db: Pool, eventIds: readonly string[]): Promise<Pick<CoreResult, 'decisionSeconds' | 'latencyMs' | 'batches' | 'outcomes'>> {
  const decisions = `SELECT (payload->'trace'->>'decidedInMs')::float AS ms, payload->'trace'->>'partition' AS partition,
                            payload->>'occurredAt' AS batch_started, published_at
                       FROM outbox_messages WHERE topic = '${Topic.BookingEvents}' AND key = ANY($1) AND payload ? 'trace'`;
  // From the first batch's start to the moment the last decision was published: a decision counts once others can see it.
  const {
    rows: [span],
  } = await db.query<{ seconds: number }>(
    `SELECT extract(epoch FROM (SELECT max(published_at) FROM (${decisions}) d)
                           - (SELECT min(created_at) FROM processed_commands WHERE event_id = ANY($1)))::float AS seconds`,
    [eventIds],
  );
  const {
    rows: [latency],
  } = await db.query<{ p50: number; p95: number; p99: number; max: number }>(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max FROM (${decisions}) d`,
    [eventIds],
  );
  // A batch is one partition's commands decided together: one start time (occurredAt) per partition.
  const {
    rows: [batches],
  } = await db.query<{ count: number; mean: number; max: number }>(
    `SELECT count(*)::int AS count, avg(n)::float AS mean, max(n)::int AS max
       FROM (SELECT count(*) AS n FROM (${decisions}) d GROUP BY partition, batch_started) AS batch`,
    [eventIds],
  );
  const { rows: outcomes } = await db.query<{ status: string; n: number }>(
    `SELECT status::text AS status, count(*)::int AS n FROM bookings WHERE event_id = ANY($1) GROUP BY status ORDER BY status`,
    [eventIds],
  );
  return {
    decisionSeconds: span?.seconds ?? 0,
    latencyMs: { p50: latency?.p50 ?? Number.NaN, p95: latency?.p95 ?? Number.NaN, p99: latency?.p99 ?? Number.NaN, max: latency?.max ?? Number.NaN },
    batches: { count: batches?.count ?? 0, mean: batches?.mean ?? 0, max: batches?.max ?? 0 },
    outcomes: Object.fromEntries(outcomes.map((row) => [row.status, row.n])),
  };
}

/** Seats held by more than one live booking, over the given events: must be none. */
export async function doubleBookedSeats(db: Pool, eventIds: readonly string[]): Promise<Array<{ eventId: string; seatId: string }>> {
  const { rows } = await db.query<{ eventId: string; seatId: string }>(
    `SELECT b.event_id AS "eventId", bs.seat_id AS "seatId" FROM booking_seats bs JOIN bookings b ON b.id = bs.booking_id
      WHERE b.event_id = ANY($1) AND b.status IN ('reserved', 'paid', 'confirmed')
      GROUP BY b.event_id, bs.seat_id HAVING count(*) > 1`,
    [eventIds],
  );
  return rows;
}
