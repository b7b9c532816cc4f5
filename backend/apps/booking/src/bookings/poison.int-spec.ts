import { bookingSchema, errorBodySchema, Topic } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../../../../test/builders/event.builder';
import { buildUsers, type BuiltUser } from '../../../../test/builders/user.builder';
import { testDb } from '../../../../test/db';
import { call } from '../../../../test/http';
import { KafkaProbe } from '../../../../test/kafka-probe';
import { startStack, type TestStack } from '../../../../test/stack';
import { uniqueId } from '../../../../test/test-env';

/**
 * A command that makes its batch fail, whatever the cause (a constraint, an
 * overflow, a bug), stands in here as a database trigger refusing the
 * bookings of one user: every batch with that user's hold fails.
 */
describe('a booking command that makes its batch fail', () => {
  let stack: TestStack;
  let db: Pool;
  let poisoned: BuiltUser;
  let buyer: BuiltUser;
  let deadLetters: KafkaProbe<typeof Topic.BookingDlq>;
  const trigger = uniqueId('poison');

  beforeAll(async () => {
    db = testDb();
    stack = await startStack({ services: ['booking', 'gateway'], env: { HOLD_DECISION_WAIT_MS: '15000' } });
    [poisoned, buyer] = (await buildUsers(db, stack.config, 2)) as [BuiltUser, BuiltUser];
    await db.query(
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'this row breaks a rule of the database' USING ERRCODE = 'check_violation'; END $$`,
    );
    await db.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON bookings FOR EACH ROW WHEN (NEW.user_id = '${poisoned.id}') EXECUTE FUNCTION ${trigger}()`);
    deadLetters = await KafkaProbe.start(stack.config, Topic.BookingDlq);
  });

  afterAll(async () => {
    await deadLetters?.close();
    await stack?.close();
    await db?.query(`DROP TRIGGER IF EXISTS ${trigger} ON bookings`);
    await db?.query(`DROP FUNCTION IF EXISTS ${trigger}()`);
    await db?.end();
  });

  const hold = (user: BuiltUser, eventId: string, seatIds: string[], idempotencyKey = uniqueId('key')) =>
    call(`${stack.url}/bookings`, { token: user.token, body: { eventId, seatIds }, headers: { 'idempotency-key': idempotencyKey } });

  it('is dead-lettered with its reason and answered with an error; the holds with it and behind it are decided', { timeout: 120_000 }, async () => {
    const { eventId, seatIds } = await buildEvent(db);
    const key = uniqueId('key');

    const [bad, good] = await Promise.all([hold(poisoned, eventId, [seatIds[0]!], key), hold(buyer, eventId, [seatIds[1]!])]);

    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(bookingSchema.parse(good.body)).toMatchObject({ status: 'reserved', seatIds: [seatIds[1]] });
    expect(bad.status, JSON.stringify(bad.body)).toBe(500);
    expect(errorBodySchema.parse(bad.body)).toMatchObject({ error: 'INTERNAL_ERROR' });
    const letter = await deadLetters.waitFor((message) => message.command.eventId === eventId, 30_000);
    expect(letter).toMatchObject({ command: { type: 'hold', userId: poisoned.id, seatIds: [seatIds[0]] }, error: expect.stringContaining('breaks a rule') });

    // The partition flows on, and the seat the failed hold asked for was never taken.
    expect((await hold(buyer, eventId, [seatIds[0]!])).status).toBe(201);
    // Asked again with the same Idempotency-Key, the failed hold is answered the same, at once, and not dead-lettered twice.
    const again = await hold(poisoned, eventId, [seatIds[0]!], key);
    expect(again.status).toBe(500);
    expect(errorBodySchema.parse(again.body)).toMatchObject({ error: 'INTERNAL_ERROR' });
    expect(deadLetters.messages.filter((message) => message.command.eventId === eventId)).toHaveLength(1);
  });
});
