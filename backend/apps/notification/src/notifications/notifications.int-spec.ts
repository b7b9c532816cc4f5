import type { INestMicroservice } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { NOTIFICATION_LIST_LIMIT, RpcPattern, Topic, type BookingEvent, type BookingStatus } from '@seatstorm/contracts';
import { MessageProducer, RpcClient } from '@seatstorm/kafka';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBooking, type BuiltBooking } from '../../../../test/builders/booking.builder';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { testConfig, uniqueId } from '../../../../test/test-env';
import { startNotification } from '../main';

describe('notification service on real Kafka and PostgreSQL', () => {
  let db: Pool;
  let config: AppConfig;
  let notification: INestMicroservice;
  let producer: MessageProducer;
  let created: KafkaProbe<typeof Topic.NotificationCreated>;
  let rpc: RpcClient;

  beforeAll(async () => {
    db = testDb();
    config = testConfig();
    created = await KafkaProbe.start(config, Topic.NotificationCreated);
    notification = await startNotification(config);
    producer = new MessageProducer(config, 'notification-test');
    rpc = new RpcClient(config, [RpcPattern.NotificationList]);
    await rpc.onModuleInit();
  });

  afterAll(async () => {
    await rpc?.onApplicationShutdown();
    await producer?.onApplicationShutdown();
    await notification?.close();
    await created?.close();
    await db?.end();
  });

  /** A confirmed booking of two seats (Test Night, row A: $100 each) for a new user. */
  async function confirmedBooking(): Promise<BuiltBooking> {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 2 });
    const [user] = await buildUsers(db, config, 1, 'Fan');
    return buildBooking(db, { eventId, userId: user.id, seatIds, status: 'confirmed' });
  }

  function bookingEvent(booking: BuiltBooking, status: BookingStatus): BookingEvent {
    return {
      bookingId: booking.bookingId,
      eventId: booking.eventId,
      userId: booking.userId,
      status,
      seatIds: booking.seatIds,
      amount: booking.amount,
      expiresAt: null,
      reason: null,
      failureCode: null,
      extensionsLeft: 0,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      commandId: uniqueId('cmd_test'),
      occurredAt: new Date().toISOString(),
    };
  }

  /**
   * Publishes the events, then one more of the same show for another booking
   * and waits for its notification: booking events are keyed by show and
   * notifications by user, so once that one is out, every event before it
   * has been handled and whatever it sent has arrived.
   */
  async function publishAndSettle(booking: BuiltBooking, events: BookingEvent[]): Promise<void> {
    const marker = { ...bookingEvent(booking, 'expired'), bookingId: uniqueId('bkg_marker') };
    await producer.publish(Topic.BookingEvents, [...events, marker]);
    await created.waitFor((sent) => sent.bookingId === marker.bookingId);
  }

  async function storedFor(bookingId: string) {
    const { rows } = await db.query('SELECT id, user_id, kind, title, body FROM notifications WHERE booking_id = $1', [bookingId]);
    return rows;
  }

  it('tells the owner once that their booking is confirmed, however often the event is delivered', async () => {
    const booking = await confirmedBooking();
    const confirmed = bookingEvent(booking, 'confirmed');
    await publishAndSettle(booking, [confirmed, confirmed]);

    const sent = created.messages.filter((message) => message.bookingId === booking.bookingId);
    expect(sent).toEqual([
      expect.objectContaining({
        userId: booking.userId,
        kind: 'confirmed',
        eventId: booking.eventId,
        title: "You're going! 2 seats for Test Night are confirmed",
        body: 'Seats A1 and A2 are yours; $200 was charged to your card.',
      }),
    ]);
    expect(await storedFor(booking.bookingId)).toEqual([
      { id: sent[0]?.notificationId, user_id: booking.userId, kind: 'confirmed', title: sent[0]?.title, body: sent[0]?.body },
    ]);
  });

  it('stays silent about steps the person already sees happen (reserved, paid)', async () => {
    const booking = await confirmedBooking();
    await publishAndSettle(booking, [bookingEvent(booking, 'reserved'), bookingEvent(booking, 'paid')]);

    expect(created.messages.filter((message) => message.bookingId === booking.bookingId)).toEqual([]);
    expect(await storedFor(booking.bookingId)).toEqual([]);
  });

  it('tells each later step of a booking once too', async () => {
    const booking = await confirmedBooking();
    const refunded = bookingEvent(booking, 'refunded');
    await publishAndSettle(booking, [bookingEvent(booking, 'confirmed'), refunded, refunded]);

    const kinds = created.messages.filter((message) => message.bookingId === booking.bookingId).map((message) => message.kind);
    expect(kinds).toEqual(['confirmed', 'refunded']);
    expect((await storedFor(booking.bookingId)).map((row: { title: string }) => row.title)).toEqual(expect.arrayContaining(['$200 refunded for Test Night']));
  });

  it('skips an event for a user who does not exist without holding up the events behind it', async () => {
    const booking = await confirmedBooking();
    const stranger = { ...bookingEvent(booking, 'confirmed'), userId: uniqueId('usr_missing') };
    await publishAndSettle(booking, [stranger]);

    expect(created.messages.filter((message) => message.userId === stranger.userId)).toEqual([]);
    expect(await storedFor(booking.bookingId)).toEqual([]);
  });

  it("lists a user's latest notifications, newest first, up to the limit", async () => {
    const [user] = await buildUsers(db, config, 1, 'Reader');
    const total = NOTIFICATION_LIST_LIMIT + 5;
    // Written directly, one a minute apart, as if received over the past hour.
    await db.query(
      `INSERT INTO notifications (id, user_id, kind, booking_id, event_id, title, body, created_at)
       SELECT $1 || '_' || i, $2, 'expired', $1 || '_bkg_' || i, 'evt_eras', 'Hold ' || i || ' expired', 'Seats were released.',
              now() - make_interval(mins => i)
         FROM generate_series(1, $3) AS i`,
      [uniqueId('ntf_test'), user.id, total],
    );

    const listed = await rpc.request(RpcPattern.NotificationList, { userId: user.id });
    expect(listed).toHaveLength(NOTIFICATION_LIST_LIMIT);
    expect(listed[0]?.title).toBe('Hold 1 expired');
    expect(listed.at(-1)?.title).toBe(`Hold ${NOTIFICATION_LIST_LIMIT} expired`);
    expect(listed.every((item) => item.userId === user.id)).toBe(true);
  });
});
