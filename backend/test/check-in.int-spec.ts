import { generateKeyPairSync, sign } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  alreadyCheckedInDetailsSchema,
  bookingSchema,
  bookingTicketsSchema,
  checkInCountSchema,
  checkInResultSchema,
  errorBodySchema,
  parseTicketCode,
  TEST_CARDS,
  ticketCodeOf,
  ticketRevokedDetailsSchema,
  ticketSigningInput,
  ticketWrongEventDetailsSchema,
  type Booking,
  type BookingStatus,
  type CheckInCount,
  type Ticket,
} from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../apps/gateway/src/main';
import { buildEvent } from './builders/event.builder';
import { buildUsers, type BuiltUser } from './builders/user.builder';
import { testDb } from './db';
import { eventually } from './eventually';
import { call } from './http';
import { startStack, type TestStack } from './stack';

/** The door on the real stack: two gateways (two doors) in one deployment, one booking service, PostgreSQL deciding. */
describe('checking tickets in at the door', () => {
  let stack: TestStack;
  let secondDoor: INestApplication;
  let doors: [string, string];
  let db: Pool;
  let buyer: BuiltUser;
  let staff: [BuiltUser, BuiltUser];

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['booking', 'payment', 'gateway'], env: { PAYMENT_LATENCY_MS: '20' } });
    secondDoor = await startGateway(stack.config);
    doors = [stack.url, (await secondDoor.getUrl()).replace('[::1]', '127.0.0.1')];
    [buyer] = (await buildUsers(db, stack.config, 1, 'Holder')) as [BuiltUser];
    staff = (await buildUsers(db, stack.config, 2, 'Door', 'staff')) as [BuiltUser, BuiltUser];
    // Both doors answer before the tests start: the second gateway's clients have joined their groups.
    const { eventId } = await buildEvent(db);
    for (const door of doors) {
      await eventually(
        async () => (await call(`${door}/events/${eventId}/check-ins`, { token: staff[0].token })).status,
        (status) => status === 200,
        30_000,
        250,
      );
    }
  });

  afterAll(async () => {
    await secondDoor?.close();
    await stack?.close();
    await db?.end();
  });

  const booking = async (id: string): Promise<Booking> => bookingSchema.parse((await call(`${stack.url}/bookings/${id}`, { token: buyer.token })).body);
  const until = (id: string, status: BookingStatus) =>
    eventually(
      () => booking(id),
      (b) => b.status === status,
      15_000,
    );

  /** A confirmed booking of `seats` seats at a new event, and its tickets. */
  async function confirmedTickets(
    seats: number,
    event?: { eventId: string; seatIds: string[] },
  ): Promise<{ eventId: string; bookingId: string; tickets: Ticket[] }> {
    const { eventId, seatIds } = event ?? (await buildEvent(db));
    const held = bookingSchema.parse((await call(`${stack.url}/bookings`, { token: buyer.token, body: { eventId, seatIds: seatIds.slice(0, seats) } })).body);
    await call(`${stack.url}/bookings/${held.id}/pay`, { token: buyer.token, body: { card: TEST_CARDS.pays } });
    await until(held.id, 'confirmed');
    const { tickets } = bookingTicketsSchema.parse((await call(`${stack.url}/bookings/${held.id}/tickets`, { token: buyer.token })).body);
    expect(tickets).toHaveLength(seats);
    return { eventId, bookingId: held.id, tickets };
  }

  const scan = (eventId: string, code: string, token = staff[0].token, door = doors[0]) => call(`${door}/check-in`, { token, body: { eventId, code } });
  const count = async (eventId: string): Promise<CheckInCount> => {
    const answer = await call(`${stack.url}/events/${eventId}/check-ins`, { token: staff[0].token });
    expect(answer.status).toBe(200);
    return checkInCountSchema.parse(answer.body);
  };
  const stored = async (ticketId: string) =>
    (
      await db.query<{ status: string; checked_in_at: Date | null; checked_in_by: string | null }>(
        `SELECT status::text AS status, checked_in_at, checked_in_by FROM tickets WHERE id = $1`,
        [ticketId],
      )
    ).rows[0];

  it('lets a ticket in on its first scan, with its seat, holder and the running count', async () => {
    const { eventId, tickets } = await confirmedTickets(2);
    expect(await count(eventId)).toEqual({ eventId, checkedIn: 0, total: 2 });

    const first = await scan(eventId, tickets[0]!.code);
    expect(first.status).toBe(200);
    const result = checkInResultSchema.parse(first.body);
    expect(result.ticket).toMatchObject({
      id: tickets[0]!.id,
      seatId: tickets[0]!.seatId,
      seat: { label: 'A1', row: 'A', section: 'Floor', tier: 'VIP' },
      holderName: buyer.name,
      status: 'checked_in',
    });
    expect(result.count).toEqual({ eventId, checkedIn: 1, total: 2 });
    expect(await stored(tickets[0]!.id)).toEqual({ status: 'checked_in', checked_in_at: new Date(result.ticket.checkedInAt!), checked_in_by: staff[0].id });

    // Surrounding whitespace (a scanner's trailing newline) is no different code.
    const second = await scan(eventId, `${tickets[1]!.code}\n`, staff[1].token, doors[1]);
    expect(second.status).toBe(200);
    expect(checkInResultSchema.parse(second.body).count).toEqual({ eventId, checkedIn: 2, total: 2 });
    expect(await count(eventId)).toEqual({ eventId, checkedIn: 2, total: 2 });
  });

  it('lets a ticket scanned at two doors at once in exactly once; the other scan is told when the first was', async () => {
    const { eventId, tickets } = await confirmedTickets(1);
    const code = tickets[0]!.code;

    const answers = await Promise.all([scan(eventId, code, staff[0].token, doors[0]), scan(eventId, code, staff[1].token, doors[1])]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const won = checkInResultSchema.parse(answers.find((answer) => answer.status === 200)!.body);
    const lost = errorBodySchema.parse(answers.find((answer) => answer.status === 409)!.body);
    expect(lost.error).toBe('ALREADY_CHECKED_IN');
    const details = alreadyCheckedInDetailsSchema.parse(lost.details);
    expect(details.checkedInAt).toBe(won.ticket.checkedInAt);
    expect(details.ticket).toMatchObject({ id: tickets[0]!.id, status: 'checked_in', holderName: buyer.name });
    expect(await count(eventId)).toEqual({ eventId, checkedIn: 1, total: 1 });
  });

  it('lets one of ten simultaneous scans in; all nine others name the same first scan, and so does every later one', async () => {
    const { eventId, tickets } = await confirmedTickets(1);
    const code = tickets[0]!.code;

    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => scan(eventId, code, staff[i % 2]!.token, doors[i % 2])));

    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const first = checkInResultSchema.parse(answers.find((answer) => answer.status === 200)!.body).ticket.checkedInAt;
    const refusals = answers.filter((answer) => answer.status !== 200).map((answer) => errorBodySchema.parse(answer.body));
    expect(refusals.map((refusal) => [refusal.statusCode, refusal.error])).toEqual(Array.from({ length: 9 }, () => [409, 'ALREADY_CHECKED_IN']));
    for (const refusal of refusals) expect(alreadyCheckedInDetailsSchema.parse(refusal.details).checkedInAt).toBe(first);

    const later = await scan(eventId, code);
    expect(errorBodySchema.parse(later.body)).toMatchObject({ statusCode: 409, error: 'ALREADY_CHECKED_IN', details: { checkedInAt: first } });
    expect(await stored(tickets[0]!.id)).toMatchObject({ status: 'checked_in', checked_in_at: new Date(first!) });
    expect(await count(eventId)).toEqual({ eventId, checkedIn: 1, total: 1 });
  });

  it('refuses the ticket of a refunded booking, and of one whose refund is still under way', async () => {
    const event = await buildEvent(db);
    const refunded = await confirmedTickets(1, event);
    const cancelling = await confirmedTickets(1, { eventId: event.eventId, seatIds: event.seatIds.slice(1) });

    await call(`${stack.url}/bookings/${refunded.bookingId}/cancel`, { token: buyer.token, body: {} });
    await until(refunded.bookingId, 'refunded');
    await stack.stop('payment');
    try {
      // The refund waits in Kafka while the payment service is away: the booking is still confirmed.
      const cancelled = await call(`${stack.url}/bookings/${cancelling.bookingId}/cancel`, { token: buyer.token, body: {} });
      expect(bookingSchema.parse(cancelled.body).status).toBe('confirmed');

      for (const { tickets } of [refunded, cancelling]) {
        const answer = await scan(event.eventId, tickets[0]!.code);
        const body = errorBodySchema.parse(answer.body);
        expect({ status: answer.status, error: body.error }).toEqual({ status: 409, error: 'TICKET_REVOKED' });
        expect(ticketRevokedDetailsSchema.parse(body.details).ticket).toMatchObject({ id: tickets[0]!.id, status: 'revoked' });
        expect(await stored(tickets[0]!.id)).toEqual({ status: 'revoked', checked_in_at: null, checked_in_by: null });
      }
    } finally {
      await stack.start('payment');
    }
    expect(await count(event.eventId)).toEqual({ eventId: event.eventId, checkedIn: 0, total: 0 });
  });

  it("refuses another event's ticket at this event's door, and lets it in at its own", async () => {
    const { eventId, tickets } = await confirmedTickets(1);
    const { eventId: elsewhere } = await buildEvent(db);

    const answer = await scan(elsewhere, tickets[0]!.code);
    const body = errorBodySchema.parse(answer.body);
    expect({ status: answer.status, error: body.error }).toEqual({ status: 409, error: 'TICKET_WRONG_EVENT' });
    expect(ticketWrongEventDetailsSchema.parse(body.details)).toEqual({ ticketEventId: eventId });
    expect(await stored(tickets[0]!.id)).toMatchObject({ status: 'valid' });
    expect((await scan(eventId, tickets[0]!.code)).status).toBe(200);
  });

  it('refuses forged, altered and malformed codes with a stable code, and changes nothing', async () => {
    const { eventId, tickets } = await confirmedTickets(1);
    const genuine = parseTicketCode(tickets[0]!.code)!;
    const input = ticketSigningInput(genuine.claims);
    const forged = ticketCodeOf(input, sign(null, Buffer.from(input, 'ascii'), generateKeyPairSync('ed25519').privateKey));
    const [version, payload, signature] = tickets[0]!.code.split('.') as [string, string, string];
    const altered = `${version}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;

    for (const code of [forged, altered, 'not a ticket', `ST1.${payload}`, 'https://example.com/?t=1']) {
      const answer = await scan(eventId, code);
      expect({ code, status: answer.status, error: errorBodySchema.parse(answer.body).error }).toEqual({ code, status: 422, error: 'TICKET_INVALID' });
    }
    for (const body of [
      { eventId },
      { eventId, code: '' },
      { eventId, code: 'x'.repeat(2000) },
      { code: tickets[0]!.code },
      { eventId: 'no spaces', code: 'x' },
    ]) {
      const answer = await call(`${doors[0]}/check-in`, { token: staff[0].token, body });
      expect({ body, status: answer.status, error: errorBodySchema.parse(answer.body).error }).toEqual({ body, status: 400, error: 'VALIDATION_FAILED' });
    }
    expect(await stored(tickets[0]!.id)).toEqual({ status: 'valid', checked_in_at: null, checked_in_by: null });
    expect(await count(eventId)).toEqual({ eventId, checkedIn: 0, total: 1 });
  });

  it('is for door staff and admins only: a buyer is 403, nobody signed in 401, and nothing changes', async () => {
    const { eventId, tickets } = await confirmedTickets(1);
    const [admin] = (await buildUsers(db, stack.config, 1, 'Admin', 'admin')) as [BuiltUser];

    for (const [token, status, error] of [
      [buyer.token, 403, 'FORBIDDEN'],
      [undefined, 401, 'UNAUTHORIZED'],
    ] as const) {
      const scanned = await call(`${doors[0]}/check-in`, { token, body: { eventId, code: tickets[0]!.code } });
      expect({ status: scanned.status, error: errorBodySchema.parse(scanned.body).error }).toEqual({ status, error });
      const counted = await call(`${stack.url}/events/${eventId}/check-ins`, { token });
      expect({ status: counted.status, error: errorBodySchema.parse(counted.body).error }).toEqual({ status, error });
    }
    expect(await stored(tickets[0]!.id)).toEqual({ status: 'valid', checked_in_at: null, checked_in_by: null });

    expect((await scan(eventId, tickets[0]!.code, admin.token)).status).toBe(200);
    expect(await stored(tickets[0]!.id)).toMatchObject({ status: 'checked_in', checked_in_by: admin.id });
  });

  it('counts an unknown event as 404', async () => {
    const answer = await call(`${stack.url}/events/evt_nosuchevent/check-ins`, { token: staff[0].token });
    expect({ status: answer.status, error: errorBodySchema.parse(answer.body).error }).toEqual({ status: 404, error: 'NOT_FOUND' });
  });
});
