import { replyTopicOf, RpcPattern, Topic, type Booking } from '@seatstorm/contracts';
import { CORRELATION_HEADER } from '@seatstorm/observability';
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from './builders/event.builder';
import { buildUsers, type BuiltUser } from './builders/user.builder';
import { testDb } from './db';
import { eventually } from './eventually';
import { ServiceProcess } from './service-process';
import { startStack, type TestStack } from './stack';
import { uniqueId } from './test-env';

const WATCHED = [
  Topic.BookingCommands,
  Topic.BookingEvents,
  Topic.SeatUpdated,
  Topic.PaymentRequests,
  Topic.PaymentEvents,
  Topic.NotificationCreated,
  replyTopicOf(RpcPattern.CatalogGetEvent),
] as const;

interface Seen {
  topic: string;
  correlationId: string | undefined;
  value: string;
}

/**
 * Reads what every service writes to the watched topics, with the headers:
 * a consumer group of its own that starts where the topics end when it joins
 * (committed at once, so nothing written after `start` is missed).
 */
class HeaderProbe {
  readonly seen: Seen[] = [];
  private constructor(
    private readonly consumer: Consumer,
    private readonly admin: Admin,
  ) {}

  static async start(brokers: string[]): Promise<HeaderProbe> {
    const kafka = new Kafka({ clientId: uniqueId('header-probe'), brokers, logLevel: logLevel.NOTHING });
    const probe = new HeaderProbe(kafka.consumer({ groupId: uniqueId('header-probe'), maxWaitTimeInMs: 100 }), kafka.admin());
    await Promise.all([probe.consumer.connect(), probe.admin.connect()]);
    await probe.consumer.subscribe({ topics: [...WATCHED], fromBeginning: false });
    const joined = new Promise<void>((resolve) => probe.consumer.on(probe.consumer.events.GROUP_JOIN, () => resolve()));
    await probe.consumer.run({
      eachMessage: async ({ topic, message }) => {
        probe.seen.push({ topic, correlationId: message.headers?.[CORRELATION_HEADER]?.toString(), value: message.value?.toString() ?? '' });
      },
    });
    await joined;
    for (const topic of WATCHED) {
      const ends = await probe.admin.fetchTopicOffsets(topic);
      await probe.consumer.commitOffsets(ends.map((end) => ({ topic, partition: end.partition, offset: end.high })));
    }
    return probe;
  }

  /** The topics on which a message carrying `correlationId` has arrived so far, once every one of `topics` has. */
  topicsOf(correlationId: string, topics: readonly string[]): Promise<string[]> {
    const arrived = async () => [...new Set(this.seen.filter((message) => message.correlationId === correlationId).map((message) => message.topic))];
    return eventually(arrived, (found) => topics.every((topic) => found.includes(topic)), 20_000);
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
    await this.admin.disconnect();
  }
}

/**
 * One correlation id follows a request: from its HTTP header through every
 * Kafka message produced for it, in every service, and into the log lines
 * of the service that handles it in the background.
 */
describe('a correlation id follows a request across the services', () => {
  let stack: TestStack;
  let db: Pool;
  let probe: HeaderProbe;
  let payment: ServiceProcess;
  let user: BuiltUser;

  beforeAll(async () => {
    stack = await startStack({ services: ['catalog', 'booking', 'notification', 'gateway'] });
    // The payment service in a process of its own, logging, so its log lines can be read.
    payment = new ServiceProcess({ services: ['payment'], config: stack.config, env: { LOG_LEVEL: 'info' } });
    await payment.start();
    db = testDb();
    [user] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    probe = await HeaderProbe.start(stack.config.KAFKA_BROKERS);
  });

  afterAll(async () => {
    await probe?.close();
    await payment?.stop();
    await stack?.close();
    await db?.end();
  });

  const post = (path: string, body: unknown, correlationId: string) =>
    fetch(`${stack.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, [CORRELATION_HEADER]: correlationId },
      body: JSON.stringify(body),
    });

  it('a hold: its command, its decision and the seat change it causes all carry the id the request came with', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const correlationId = uniqueId('hold');
    const response = await post('/bookings', { eventId, seatIds: [seatIds[0]] }, correlationId);
    expect(response.status).toBe(201);
    expect(response.headers.get(CORRELATION_HEADER)).toBe(correlationId);

    await probe.topicsOf(correlationId, [Topic.BookingCommands, Topic.BookingEvents, Topic.SeatUpdated]);
    const seatUpdate = probe.seen.find((message) => message.topic === Topic.SeatUpdated && message.correlationId === correlationId);
    expect(JSON.parse(seatUpdate!.value)).toMatchObject({ eventId, changes: [{ seatId: seatIds[0], status: 'reserved' }] });
  });

  it('a payment: through the booking outbox, the payment service (whose attempts run later, in the background) and the notification', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const hold = await post('/bookings', { eventId, seatIds: [seatIds[0]] }, uniqueId('hold'));
    const booking = (await hold.json()) as Booking;
    const correlationId = uniqueId('pay');
    expect((await post(`/bookings/${booking.id}/pay`, { card: '4242 4242 4242 4242' }, correlationId)).status).toBe(202);

    await probe.topicsOf(correlationId, [Topic.BookingCommands, Topic.PaymentRequests, Topic.PaymentEvents, Topic.BookingEvents, Topic.NotificationCreated]);
    const settled = await eventually(
      async () =>
        payment
          .recentOutput()
          .split('\n')
          .filter((line) => line.includes('payment settled'))
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      (lines) => lines.some((line) => line.bookingId === booking.id),
    );
    expect(settled.find((line) => line.bookingId === booking.id)).toMatchObject({ correlationId, status: 'succeeded' });
  });

  it('a request-reply: the service answers with the request id on its reply; an id that is not well-formed is replaced by a fresh one', async () => {
    const correlationId = uniqueId('read');
    const response = await fetch(`${stack.url}/events/evt_eras`, { headers: { [CORRELATION_HEADER]: correlationId } });
    expect(response.status).toBe(200);
    expect(response.headers.get(CORRELATION_HEADER)).toBe(correlationId);
    await probe.topicsOf(correlationId, [replyTopicOf(RpcPattern.CatalogGetEvent)]);

    const malformed = await fetch(`${stack.url}/events/evt_eras`, { headers: { [CORRELATION_HEADER]: 'not a valid id; <script>' } });
    expect(malformed.headers.get(CORRELATION_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
