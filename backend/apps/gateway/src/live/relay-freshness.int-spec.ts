import { randomUUID } from 'node:crypto';
import { SocketEvent, Topic, type Notification } from '@seatstorm/contracts';
import { encodeMessage } from '@seatstorm/kafka';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { connectSocket, received } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';

/**
 * Gateways that were all down for a while resume their relay groups from
 * where they stopped: what happened meanwhile is old news by then, and a
 * person who opens the site must not be told of it as if it had just happened.
 */
describe('the live relay after an outage', () => {
  let stack: TestStack;
  let db: Pool;
  let producer: Producer;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['gateway'], env: { LIVE_RELAY_MAX_AGE_MS: '60000' } });
    producer = new Kafka({ clientId: 'relay-freshness-test', brokers: stack.config.KAFKA_BROKERS, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await stack?.close();
    await db?.end();
  });

  it('pushes a notification written just now, and not one written ten minutes ago', async () => {
    const [user] = await buildUsers(db, stack.config, 1, 'Listener');
    const socket = await connectSocket(stack.url, { token: user!.token });
    const notifications = received(socket, SocketEvent.Notification);
    const note = (title: string, at: Date): Notification => ({
      notificationId: `ntf_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
      userId: user!.id,
      kind: 'confirmed',
      bookingId: null,
      eventId: null,
      title,
      body: title,
      createdAt: at.toISOString(),
    });
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await producer.send({
      topic: Topic.NotificationCreated,
      messages: [
        { ...encodeMessage(Topic.NotificationCreated, note('old news', tenMinutesAgo)), timestamp: String(tenMinutesAgo.getTime()) },
        encodeMessage(Topic.NotificationCreated, note('just now', new Date())),
      ],
    });

    await eventually(
      async () => notifications.map((n) => n.title),
      (titles) => titles.includes('just now'),
    );
    expect(notifications.map((n) => n.title)).toEqual(['just now']);
    socket.close();
  });
});
