import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  bookingSchema,
  bookingTicketsSchema,
  errorBodySchema,
  parseTicketCode,
  TEST_CARDS,
  ticketCodeOf,
  ticketPublicKeySchema,
  type Booking,
  type BookingStatus,
  type BookingTickets,
} from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { eventually } from '../../../../test/eventually';
import { call } from '../../../../test/http';
import { startStack, type TestStack } from '../../../../test/stack';

/** Tickets on the real stack: issued with the confirmation, revoked with the refund, their codes checked offline. */
describe('tickets', () => {
  let stack: TestStack;
  let db: Pool;
  let owner: BuiltUser;

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['booking', 'payment', 'gateway'], env: { PAYMENT_LATENCY_MS: '20' } });
    [owner] = (await buildUsers(db, stack.config, 1, 'Holder')) as [BuiltUser];
  });

  afterAll(async () => {
    await stack?.close();
    await db?.end();
  });

  const hold = async (eventId: string, seatIds: string[]): Promise<Booking> =>
    bookingSchema.parse((await call(`${stack.url}/bookings`, { token: owner.token, body: { eventId, seatIds } })).body);
  const booking = async (id: string): Promise<Booking> => bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token: owner.token })).body);
  const until = (id: string, status: BookingStatus) =>
    eventually(
      () => booking(id),
      (b) => b.status === status,
      15_000,
    );
  const ticketsOf = async (bookingId: string, token = owner.token): Promise<BookingTickets> => {
    const answer = await call(`${stack.url}/bookings/${bookingId}/tickets`, { token });
    expect(answer.status).toBe(200);
    return bookingTicketsSchema.parse(answer.body);
  };
  const storedTickets = async (bookingId: string) =>
    (
      await db.query<{ seat_id: string; status: string }>(`SELECT seat_id, status::text AS status FROM tickets WHERE booking_id = $1 ORDER BY seat_id`, [
        bookingId,
      ])
    ).rows;

  it('are issued when the booking is confirmed, one per seat, and not a moment before', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const held = await hold(eventId, [seatIds[0]!, seatIds[1]!]);

    expect(await ticketsOf(held.id)).toEqual({ bookingId: held.id, bookingStatus: 'reserved', tickets: [] });
    expect(await storedTickets(held.id)).toEqual([]);

    expect((await call(`${stack.url}/bookings/${held.id}/pay`, { token: owner.token, body: { card: TEST_CARDS.pays } })).status).toBe(202);
    await until(held.id, 'confirmed');

    const { bookingStatus, tickets } = await ticketsOf(held.id);
    expect(bookingStatus).toBe('confirmed');
    expect(
      tickets.map(({ seatId, seat, holderName, status, eventId: ticketEvent, checkedInAt, revokedAt }) => ({
        seatId,
        seat,
        holderName,
        status,
        ticketEvent,
        checkedInAt,
        revokedAt,
      })),
    ).toEqual([
      {
        seatId: seatIds[0],
        seat: { label: 'A1', section: 'Floor', row: 'A', number: 1, tier: 'VIP' },
        holderName: owner.name,
        status: 'valid',
        ticketEvent: eventId,
        checkedInAt: null,
        revokedAt: null,
      },
      {
        seatId: seatIds[1],
        seat: { label: 'A2', section: 'Floor', row: 'A', number: 2, tier: 'VIP' },
        holderName: owner.name,
        status: 'valid',
        ticketEvent: eventId,
        checkedInAt: null,
        revokedAt: null,
      },
    ]);
    expect(new Set(tickets.map((ticket) => ticket.id)).size).toBe(2);
    // The same tickets, the same codes, however often they are read.
    expect(await ticketsOf(held.id)).toEqual({ bookingId: held.id, bookingStatus, tickets });
    // Exactly when: no booking anywhere has a valid ticket without being confirmed.
    const strays = await db.query(
      `SELECT t.id FROM tickets t JOIN bookings b ON b.id = t.booking_id
        WHERE t.status <> 'revoked' AND (b.status <> 'confirmed' OR b.refund_payment_id IS NOT NULL)`,
    );
    expect(strays.rows).toEqual([]);
  });

  it('carry codes that verify offline with the public key alone, and fail once altered', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const held = await hold(eventId, [seatIds[2]!]);
    await call(`${stack.url}/bookings/${held.id}/pay`, { token: owner.token, body: { card: TEST_CARDS.pays } });
    await until(held.id, 'confirmed');
    const [ticket] = (await ticketsOf(held.id)).tickets;

    // What a scanner fetches once, anonymously, and then needs no network for.
    const keyAnswer = await call(`${stack.url}/tickets/public-key`);
    expect(keyAnswer.status).toBe(200);
    const published = ticketPublicKeySchema.parse(keyAnswer.body);
    const publicKey = createPublicKey(published.publicKey);
    const webKey = await crypto.subtle.importKey('jwk', published.jwk, { name: 'Ed25519' }, false, ['verify']);
    const verifies = async (code: string): Promise<[boolean, boolean]> => {
      const parsed = parseTicketCode(code);
      if (!parsed) return [false, false];
      const signed = Buffer.from(parsed.signingInput, 'ascii');
      return [verify(null, signed, publicKey, parsed.signature), await crypto.subtle.verify('Ed25519', webKey, parsed.signature, signed)];
    };

    const code = ticket!.code;
    expect(parseTicketCode(code)?.claims).toEqual({ ticketId: ticket!.id, eventId, seatId: seatIds[2], issuedAt: expect.any(Date) });
    expect(await verifies(code)).toEqual([true, true]);

    const [version, payload, signature] = code.split('.') as [string, string, string];
    const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const otherSeat = Buffer.from(Buffer.from(payload, 'base64url').toString('ascii').replace(seatIds[2]!, seatIds[3]!)).toString('base64url');
    for (const altered of [
      `${version}.${flip(payload, 10)}.${signature}`,
      `${version}.${payload}.${flip(signature, 20)}`,
      `${version}.${otherSeat}.${signature}`,
    ]) {
      expect({ altered, verifies: await verifies(altered) }).toEqual({ altered, verifies: [false, false] });
    }

    // A code signed with any other key is no ticket either.
    const forger = generateKeyPairSync('ed25519').privateKey;
    const forged = ticketCodeOf(`${version}.${payload}`, sign(null, Buffer.from(`${version}.${payload}`, 'ascii'), forger));
    expect(await verifies(forged)).toEqual([false, false]);
  });

  it('are revoked when a refund is asked for, and stay revoked once the booking is refunded', async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const held = await hold(eventId, [seatIds[4]!, seatIds[5]!]);
    await call(`${stack.url}/bookings/${held.id}/pay`, { token: owner.token, body: { card: TEST_CARDS.pays } });
    await until(held.id, 'confirmed');
    const issued = (await ticketsOf(held.id)).tickets;

    // While the payment service is away the refund waits in Kafka: the booking is still confirmed, its tickets already revoked.
    await stack.stop('payment');
    try {
      const cancelled = await call(`${stack.url}/bookings/${held.id}/cancel`, { token: owner.token, body: {} });
      expect(cancelled.status).toBe(200);
      expect(bookingSchema.parse(cancelled.body).status).toBe('confirmed');
      const pending = await ticketsOf(held.id);
      expect(pending.bookingStatus).toBe('confirmed');
      expect(pending.tickets.map((ticket) => ticket.status)).toEqual(['revoked', 'revoked']);
    } finally {
      await stack.start('payment');
    }

    await until(held.id, 'refunded');
    const refunded = await ticketsOf(held.id);
    expect(refunded.bookingStatus).toBe('refunded');
    expect(refunded.tickets.map(({ id, status, revokedAt }) => ({ id, status, revoked: revokedAt !== null }))).toEqual(
      issued.map(({ id }) => ({ id, status: 'revoked', revoked: true })),
    );
    expect(await storedTickets(held.id)).toEqual([
      { seat_id: seatIds[4], status: 'revoked' },
      { seat_id: seatIds[5], status: 'revoked' },
    ]);
  });

  it("are shown to their owner and admins only; someone else's booking is 403, an unknown one 404", async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const held = await hold(eventId, [seatIds[6]!]);
    const [stranger] = (await buildUsers(db, stack.config, 1)) as [BuiltUser];
    const [admin] = (await buildUsers(db, stack.config, 1, 'Admin', 'admin')) as [BuiltUser];
    const [staff] = (await buildUsers(db, stack.config, 1, 'Door', 'staff')) as [BuiltUser];

    for (const [token, status, code] of [
      [stranger.token, 403, 'FORBIDDEN'],
      [staff.token, 403, 'FORBIDDEN'],
      [undefined, 401, 'UNAUTHORIZED'],
    ] as const) {
      const answer = await call(`${stack.url}/bookings/${held.id}/tickets`, { token });
      expect({ status: answer.status, error: errorBodySchema.parse(answer.body).error }).toEqual({ status, error: code });
    }
    expect((await ticketsOf(held.id, admin.token)).bookingStatus).toBe('reserved');
    const unknown = await call(`${stack.url}/bookings/bkg_nosuchbooking/tickets`, { token: owner.token });
    expect({ status: unknown.status, error: errorBodySchema.parse(unknown.body).error }).toEqual({ status: 404, error: 'NOT_FOUND' });
    const malformed = await call(`${stack.url}/bookings/${encodeURIComponent('not an id')}/tickets`, { token: owner.token });
    expect({ status: malformed.status, error: errorBodySchema.parse(malformed.body).error }).toEqual({ status: 400, error: 'VALIDATION_FAILED' });
  });
});
