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

/** What a client might try instead of a cursor it was given: some JSON, hex-encoded as cursors are. */
const hexOf = (value: unknown): string => [...JSON.stringify(value)].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');

describe('GET /bookings query', () => {
  it('reads a cursor back into the position it was made from, and the cursor is URL-safe', () => {
    const cursor = encodeBookingCursor(position);
    expect(cursor).toMatch(/^[0-9a-f]+$/);
    expect(decodeBookingCursor(cursor)).toEqual(position);
    expect(listBookingsQuerySchema.parse({ cursor }).cursor).toEqual(position);
  });

  it.each([
    { story: 'characters hex has not', cursor: 'abc+/=' },
    { story: 'an odd number of digits', cursor: hexOf(['x']).slice(1) },
    { story: 'no JSON inside', cursor: '6e6f74206a736f6e' },
    { story: 'JSON of another shape', cursor: hexOf(position) },
    { story: 'a cut-off cursor', cursor: encodeBookingCursor(position).slice(0, -6) },
    { story: 'a position with a time that is not one', cursor: hexOf(['yesterday', 'bkg_1']) },
    { story: 'a position with an id that is not one', cursor: hexOf([position.createdAt, 'two words']) },
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
