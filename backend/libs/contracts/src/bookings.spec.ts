import { describe, expect, it } from 'vitest';
import { decodeBookingCursor, encodeBookingCursor, listBookingsQuerySchema } from './bookings';
import { ContractViolation, parseContract } from './validation';

const position = { createdAt: '2026-11-22T10:00:00.123Z', id: 'bkg_3f2a:b-c.d' };

function issuesOf(query: Record<string, unknown>): string[] {
  try {
    parseContract(listBookingsQuerySchema, query, 'query');
  } catch (error) {
    if (error instanceof ContractViolation) return error.issues.map((issue) => issue.path.split('.')[0]!);
    throw error;
  }
  throw new Error('expected a ContractViolation');
}

describe('GET /bookings query', () => {
  it('reads a cursor back into the position it was made from, and the cursor is URL-safe', () => {
    const cursor = encodeBookingCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBookingCursor(cursor)).toEqual(position);
    expect(listBookingsQuerySchema.parse({ cursor }).cursor).toEqual(position);
  });

  it.each([
    { story: 'characters base64url has not', cursor: 'abc+/=' },
    { story: 'no JSON inside', cursor: 'bm90IGpzb24' },
    { story: 'JSON of another shape', cursor: btoa(JSON.stringify(position)).replace(/=+$/, '') },
    { story: 'a cut-off cursor', cursor: encodeBookingCursor(position).slice(0, -6) },
    { story: 'a position with a time that is not one', cursor: btoa(JSON.stringify(['yesterday', 'bkg_1'])).replace(/=+$/, '') },
    { story: 'a position with an id that is not one', cursor: btoa(JSON.stringify([position.createdAt, 'two words'])).replace(/=+$/, '') },
    { story: 'nothing at all', cursor: '' },
  ])('refuses a cursor with $story', ({ cursor }) => {
    expect(decodeBookingCursor(cursor)).toBeUndefined();
    expect(issuesOf({ cursor })).toEqual(['cursor']);
  });

  it('defaults to 20 bookings of any event and status, and takes limits from 1 to 100', () => {
    expect(listBookingsQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(listBookingsQuerySchema.parse({ limit: '1' }).limit).toBe(1);
    expect(listBookingsQuerySchema.parse({ limit: '100' }).limit).toBe(100);
    for (const limit of ['0', '101', '2.5', 'ten', ['5', '6']]) expect(issuesOf({ limit })).toEqual(['limit']);
  });

  it('takes statuses repeated, comma-separated or both, each once; an empty one filters nothing', () => {
    expect(listBookingsQuerySchema.parse({ status: 'reserved' }).status).toEqual(['reserved']);
    expect(listBookingsQuerySchema.parse({ status: 'reserved, paid' }).status).toEqual(['reserved', 'paid']);
    expect(listBookingsQuerySchema.parse({ status: ['confirmed', 'reserved,confirmed'] }).status).toEqual(['confirmed', 'reserved']);
    expect(listBookingsQuerySchema.parse({ status: '' }).status).toBeUndefined();
    expect(issuesOf({ status: 'reserved,held' })).toEqual(['status']);
  });

  it('takes one event id', () => {
    expect(listBookingsQuerySchema.parse({ eventId: 'evt_eras' }).eventId).toBe('evt_eras');
    expect(issuesOf({ eventId: 'not an id' })).toEqual(['eventId']);
    expect(issuesOf({ eventId: ['evt_a', 'evt_b'] })).toEqual(['eventId']);
  });
});
