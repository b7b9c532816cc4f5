import { randomUUID } from 'node:crypto';
import { bookingSchema, errorBodySchema, SocketEvent, TEST_CARDS, type SeatUpdated } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog } from '../apps/catalog/src/main';
import { freePort } from '../bench/bench-setup';
import { doubleBookedSeats } from '../bench/booking-core';
import { buildEvent } from './builders/event.builder';
import { buildUsers, type BuiltUser } from './builders/user.builder';
import { testDb } from './db';
import { eventually } from './eventually';
import { call } from './http';
import { connectSocket, received, type TestSocket } from './live';
import { ServiceProcess } from './service-process';
import { testConfig } from './test-env';

const BUYERS = 24;
/** Events on sale at once, keyed over the topics' partitions: every gateway relays some of them. */
const EVENTS = 8;
const WATCHERS_PER_GATEWAY = 2;

/** A 503 (a service mid-rebalance did not answer in time) is tried again, as a client does: the same request, the same key. */
const RETRIES_ON_503 = 5;
const RETRY_PAUSE_MS = 500;

async function callRetrying(url: string, options: Parameters<typeof call>[1]): Promise<{ status: number; body: unknown }> {
  for (let attempt = 0; ; attempt += 1) {
    const reply = await call(url, options);
    if (reply.status !== 503 || attempt === RETRIES_ON_503) return reply;
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
}

interface Answer {
  bookingId: string;
  status: number;
}

/** A seat map painted by a watcher's chain of seat.updated, from every seat available at version 0. */
interface Painted {
  seats: Map<string, string>;
  version: number;
  /** Messages that left a gap before them, or went backwards: each is a lost or reordered delta. */
  breaks: string[];
  duplicates: number;
}

function paint(seatIds: readonly string[], chain: readonly SeatUpdated[]): Painted {
  const painted: Painted = { seats: new Map(seatIds.map((id) => [id, 'available'])), version: 0, breaks: [], duplicates: 0 };
  for (const delta of chain) {
    if (delta.version <= painted.version) {
      painted.duplicates += 1;
      continue;
    }
    if (delta.baseVersion > painted.version) painted.breaks.push(`at version ${painted.version}, got ${delta.baseVersion} → ${delta.version}`);
    for (const change of delta.changes) painted.seats.set(change.seatId, `${change.status}${change.bookingId ? `:${change.bookingId}` : ''}`);
    painted.version = delta.version;
  }
  return painted;
}

/**
 * One deployment scaled out: two gateways, two booking and two payment
 * processes (the catalog in this process), while buyers hold and pay through
 * both gateways. Mid-burst, instances join, leave (SIGTERM) and crash
 * (SIGKILL), so every consumer group rebalances several times: the booking
 * commands', the payment requests', the gateways' relay and request-reply.
 */
describe('scale-out: instances joining, leaving and crashing in the middle of a burst', () => {
  // A long tick: a gateway stopping mid-burst is nearly always holding a tick's seat changes.
  const config = testConfig({ HOLD_DECISION_WAIT_MS: '2000', PAYMENT_LATENCY_MS: '50', LIVE_TICK_MS: '1000', LIVE_SUBSCRIBE_RATE_LIMIT: '100' });
  const processes: ServiceProcess[] = [];
  let db: Pool;
  let catalog: { close(): Promise<void> };
  let gatewayUrls: string[];
  const sockets: TestSocket[] = [];

  const spawn = (service: 'gateway' | 'booking' | 'payment', env: Record<string, string> = {}) => {
    const process = new ServiceProcess({ services: [service], config, env });
    processes.push(process);
    return process;
  };
  const gatewayOn = async (port: number) => {
    const gateway = spawn('gateway', { GATEWAY_PORT: String(port) });
    await gateway.start();
    return gateway;
  };

  beforeAll(async () => {
    db = testDb();
    catalog = await startCatalog(config);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all(processes.map((process) => process.kill()));
    await catalog?.close();
    await db?.end();
  });

  it('no seat twice, every decision once, every watcher on every gateway sees every version in order, every payment once', { timeout: 240_000 }, async () => {
    const events = await Promise.all(Array.from({ length: EVENTS }, () => buildEvent(db, { rows: 4, perRow: 10 })));
    const eventIds = events.map((event) => event.eventId);
    const buyers = await buildUsers(db, config, BUYERS, 'Buyer');
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    gatewayUrls = ports.slice(0, 2).map((port) => `http://127.0.0.1:${port}`);
    const [booking1, payment1, payment2] = [spawn('booking'), spawn('payment'), spawn('payment')];
    await Promise.all([booking1.start(), payment1.start(), payment2.start()]);
    await Promise.all(ports.slice(0, 2).map((port) => gatewayOn(port)));

    // People watching every event's map on both gateways from version 0.
    const watchers: Array<{ name: string; deltas: SeatUpdated[] }> = [];
    for (const [g, url] of gatewayUrls.entries()) {
      for (let n = 0; n < WATCHERS_PER_GATEWAY; n += 1) {
        const socket = await connectSocket(url);
        sockets.push(socket);
        for (const eventId of eventIds) expect(await socket.emitWithAck('subscribe', { eventId })).toEqual({ version: 0 });
        watchers.push({ name: `watcher ${n + 1} on gateway ${g + 1}`, deltas: received(socket, SocketEvent.SeatUpdated) });
      }
    }
    const chainOf = (deltas: readonly SeatUpdated[], eventId: string) => deltas.filter((delta) => delta.eventId === eventId);

    // Buyers hold 1–3 seats and pay for most of what they get, through both gateways, until told to stop.
    const answers: Answer[] = [];
    const paid = new Set<string>();
    let buying = true;
    const buy = async (buyer: BuiltUser, n: number) => {
      const url = gatewayUrls[n % 2]!;
      while (buying) {
        const { eventId, seatIds } = events[Math.floor(Math.random() * events.length)]!;
        const wanted = [...new Set(Array.from({ length: 1 + (n % 3) }, () => seatIds[Math.floor(Math.random() * seatIds.length)]!))];
        const { status, body } = await callRetrying(`${url}/bookings`, {
          token: buyer.token,
          body: { eventId, seatIds: wanted },
          headers: { 'idempotency-key': randomUUID() },
          timeoutMs: 15_000,
        });
        expect(status, JSON.stringify(body)).toBeOneOf([201, 202, 409]);
        const bookingId = status === 409 ? (errorBodySchema.parse(body).details as { bookingId: string }).bookingId : bookingSchema.parse(body).id;
        answers.push({ bookingId, status });
        if (status === 201 && Math.random() < 0.7) {
          const pay = await callRetrying(`${url}/bookings/${bookingId}/pay`, { token: buyer.token, body: { card: TEST_CARDS.pays }, timeoutMs: 15_000 });
          expect(pay.status, JSON.stringify(pay.body)).toBe(202);
          paid.add(bookingId);
        }
      }
    };
    const burst = Promise.all(buyers.map((buyer, n) => buy(buyer, n)));

    // Instances come and go while it runs: each step waits until what it started is ready.
    const booking2 = spawn('booking');
    await booking2.start(); // joins: the booking group rebalances
    const gateway3 = await gatewayOn(ports[2]!); // joins: the relay groups rebalance onto three gateways
    await booking1.stop(); // leaves gracefully
    await payment1.kill(); // crashes: its payments are taken up by the other
    await gateway3.stop(); // leaves: its partitions go back to the first two, with whatever it held
    await booking2.kill(); // crashes mid-decision
    await booking1.start(); // comes back alone
    buying = false;
    await burst;

    // Every hold answered is stored once and decided.
    const bookingIds = [...new Set(answers.map((answer) => answer.bookingId))];
    expect(answers.length, 'the burst ran through every change of instances').toBeGreaterThan(BUYERS * 5);
    await eventually(
      async () => (await db.query(`SELECT id FROM bookings WHERE id = ANY($1) AND status <> 'pending'`, [bookingIds])).rowCount,
      (decided) => decided === bookingIds.length,
      60_000,
    );
    const { rows: counted } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bookings WHERE id = ANY($1)`, [bookingIds]);
    expect(counted[0]!.n).toBe(bookingIds.length);
    expect(await doubleBookedSeats(db, eventIds)).toEqual([]);

    // Every payment exactly once: each paid booking confirmed on one succeeded charge, nothing in flight.
    await eventually(
      async () => (await db.query(`SELECT id FROM bookings WHERE id = ANY($1) AND status = 'confirmed'`, [[...paid]])).rowCount,
      (confirmed) => confirmed === paid.size,
      60_000,
    );
    const { rows: charges } = await db.query<{ booking_id: string; succeeded: number; pending: number }>(
      `SELECT booking_id, count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE status = 'pending')::int AS pending
         FROM payments WHERE booking_id = ANY($1) AND kind = 'charge' GROUP BY booking_id`,
      [[...paid]],
    );
    expect(charges.filter((row) => row.succeeded !== 1 || row.pending !== 0)).toEqual([]);
    expect(charges).toHaveLength(paid.size);

    // Every watcher on every gateway painted each event's map as the database has it, version by version, without a gap.
    for (const { eventId, seatIds } of events) {
      const { rows: event } = await db.query<{ seat_version: number }>(`SELECT seat_version FROM events WHERE id = $1`, [eventId]);
      const finalVersion = event[0]!.seat_version;
      const { rows: seats } = await db.query<{ id: string; status: string; booking_id: string | null }>(
        `SELECT id, status::text AS status, booking_id FROM seats WHERE event_id = $1`,
        [eventId],
      );
      const truth = new Map(seats.map((seat) => [seat.id, `${seat.status}${seat.booking_id ? `:${seat.booking_id}` : ''}`]));
      const versions = () => watchers.map((watcher) => paint(seatIds, chainOf(watcher.deltas, eventId)).version);
      await eventually(
        async () => versions(),
        (all) => all.every((version) => version === finalVersion),
        30_000,
      ).catch(() => undefined);
      for (const watcher of watchers) {
        const painted = paint(seatIds, chainOf(watcher.deltas, eventId));
        expect({ watcher: watcher.name, eventId, breaks: painted.breaks, version: painted.version }).toEqual({
          watcher: watcher.name,
          eventId,
          breaks: [],
          version: finalVersion,
        });
        expect(painted.seats).toEqual(truth);
      }
    }
  });
});
