import { bookingSchema, errorBodySchema, type Booking } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { connectSocket, received, type TestSocket } from '../../../../test/live';
import { startStack, type TestStack } from '../../../../test/stack';

const MINUTE = 60_000;

describe('more time for a hold, through REST, the socket, Kafka and PostgreSQL', () => {
  let stack: TestStack;
  let db: Pool;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = testDb();
    // A hold lives 10 minutes, each extension adds 2, at most 2 of them, never past 13 minutes in all.
    stack = await startStack({
      services: ['booking', 'gateway'],
      env: { HOLD_TTL: '10m', HOLD_EXTENSION: '2m', HOLD_EXTENSIONS: '2', HOLD_MAX_LIFETIME: '13m' },
    });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack?.close();
    await db?.end();
  });

  async function heldBooking(): Promise<{ booking: Booking; token: string; otherToken: string }> {
    const { eventId, seatIds } = await buildEvent(db, { rows: 1, perRow: 4 });
    const [owner, other] = await buildUsers(db, stack.config, 2);
    const answer = await call(`${stack.url}/bookings`, { token: owner!.token, body: { eventId, seatIds: [seatIds[0]] } });
    expect(answer.status).toBe(201);
    return { booking: bookingSchema.parse(answer.body), token: owner!.token, otherToken: other!.token };
  }

  const extend = (token: string, bookingId: string) => call(`${stack.url}/bookings/${bookingId}/extend`, { token, body: {} });

  it('moves the expiry on, tells every tab of the owner, then refuses past the hold’s longest life', async () => {
    const { booking, token } = await heldBooking();
    expect(booking.extensionsLeft).toBe(2);
    const tabs = await Promise.all([connectSocket(stack.url, { token }), connectSocket(stack.url, { token })]);
    sockets.push(...tabs);
    const updates = tabs.map((tab) => received(tab, 'booking.updated'));

    const first = await extend(token, booking.id);
    expect(first.status).toBe(200);
    const extended = bookingSchema.parse(first.body);
    expect(Date.parse(extended.expiresAt!) - Date.parse(booking.expiresAt!)).toBe(2 * MINUTE);
    expect(extended.extensionsLeft).toBe(1);
    for (const seen of updates) {
      await eventually(
        async () => seen,
        (messages) => messages.some((message) => message.bookingId === booking.id && message.expiresAt === extended.expiresAt && message.extensionsLeft === 1),
      );
    }

    // The second extension stops at 13 minutes after the hold was made, not 14.
    const second = bookingSchema.parse((await extend(token, booking.id)).body);
    expect(Date.parse(second.expiresAt!) - Date.parse(booking.createdAt)).toBe(13 * MINUTE);
    const third = await extend(token, booking.id);
    expect(third.status).toBe(409);
    expect(errorBodySchema.parse(third.body).error).toBe('EXTENSION_LIMIT_REACHED');
    const { rows } = await db.query(`SELECT expires_at, extensions_left FROM bookings WHERE id = $1`, [booking.id]);
    expect(rows).toEqual([{ expires_at: new Date(second.expiresAt!), extensions_left: 0 }]);
  });

  it('over the socket too, with the same answer as REST', async () => {
    const { booking, token } = await heldBooking();
    const tab = await connectSocket(stack.url, { token });
    sockets.push(tab);

    const ack = await tab.timeout(10_000).emitWithAck('extend', { bookingId: booking.id });

    expect(bookingSchema.parse(ack)).toMatchObject({ id: booking.id, extensionsLeft: 1 });
  });

  it('is refused to anyone but the owner, and for a cancelled hold, changing nothing', async () => {
    const { booking, token, otherToken } = await heldBooking();

    const stranger = await extend(otherToken, booking.id);
    expect(stranger.status).toBe(403);

    await call(`${stack.url}/bookings/${booking.id}/cancel`, { token, body: {} });
    const afterCancel = await extend(token, booking.id);
    expect(afterCancel.status).toBe(409);
    expect(errorBodySchema.parse(afterCancel.body).error).toBe('INVALID_STATE');
    const { rows } = await db.query(`SELECT status::text, extensions_left FROM bookings WHERE id = $1`, [booking.id]);
    expect(rows).toEqual([{ status: 'cancelled', extensions_left: 0 }]);
  });
});
