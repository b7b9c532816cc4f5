import { describe, expect, it } from 'vitest';
import { idSchema, newId, seatIdOf, seatLabelOf } from './ids';

describe("a seat's id and its label", () => {
  it('make each other: the id is the event and the label, and the label comes back out of it', () => {
    expect(seatIdOf('evt_eras', 'A1')).toBe('evt_eras_A1');
    expect(seatLabelOf('evt_eras', 'evt_eras_A1')).toBe('A1');
    // Labels may hold the separator themselves (a stadium's section-row-number labels).
    expect(seatLabelOf('evt_stadium', seatIdOf('evt_stadium', 'S01-R02-3'))).toBe('S01-R02-3');
    expect(seatLabelOf('evt_a', seatIdOf('evt_a', 'x_y'))).toBe('x_y');
  });

  it("leaves another event's seat id as it is", () => {
    expect(seatLabelOf('evt_eras', 'evt_jazz_A1')).toBe('evt_jazz_A1');
    // Even of an event whose id begins like this one's.
    expect(seatLabelOf('evt_er', 'evt_eras_A1')).toBe('evt_eras_A1');
  });
});

describe('a new id', () => {
  it('is its prefix and 20 hex characters, a valid id, and never the same twice', () => {
    const ids = Array.from({ length: 1000 }, () => newId('bkg'));
    for (const id of ids) {
      expect(id).toMatch(/^bkg_[0-9a-f]{20}$/);
      expect(idSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
