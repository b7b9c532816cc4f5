import { describe, expect, it } from 'vitest';
import type { LayoutSeat } from './layout';
import { CARRIED_FIELDS, seatsFrom, toColumns } from './seat-columns';

const seats: LayoutSeat[] = [
  { id: 'evt_x_A1', label: 'A1', section: 'Floor', row: 'A', number: 1, tier: 'VIP', price: 22_500, x: -5.4, y: 0, attributes: ['aisle', 'wheelchair'] },
  { id: 'evt_x_A2', label: 'A2', section: 'Floor', row: 'A', number: 2, tier: 'VIP', price: 22_500, x: -4.2, y: 0 },
  { id: 'evt_x_B,1', label: 'B,1 “bay”', section: 'Bay\n2', row: 'B', number: 1, tier: 'Regular', price: 15_050, x: 0.123456789, y: 1.6, block: 2 },
  { id: 'evt_x_C7', label: '', section: 'Floor', row: 'C', number: 7, tier: 'Regular', price: 0, x: 1e6, y: -1e-6, attributes: ['restricted_view'], block: 3 },
];

describe('a layout’s seats as columns', () => {
  it('gives back every seat as it was, whatever its strings hold, with the fields it had and no others', () => {
    const back: LayoutSeat[] = [];
    seatsFrom(toColumns(seats, 'evt_x'), 0, seats.length, back);
    expect(back).toStrictEqual(seats);
    const fields = new Set(back.flatMap((seat) => Object.keys(seat)));
    expect([...fields].sort()).toEqual(Object.keys(CARRIED_FIELDS).sort());
  });

  it('leaves out ids that are the event’s id and the label, and gives them back all the same', () => {
    const columns = toColumns(seats.slice(0, 2), 'evt_x');
    expect(columns.ids).toBeNull();
    const back: LayoutSeat[] = [];
    seatsFrom(columns, 0, 2, back);
    expect(back).toStrictEqual(seats.slice(0, 2));
    expect(toColumns(seats, 'evt_x').ids).not.toBeNull();
  });

  it('gives back any slice, in order, onto what is already there', () => {
    const columns = toColumns(seats, 'evt_x');
    const back: LayoutSeat[] = [];
    seatsFrom(columns, 0, 1, back);
    seatsFrom(columns, 1, 3, back);
    seatsFrom(columns, 3, 99, back);
    expect(back.map((seat) => seat.id)).toEqual(seats.map((seat) => seat.id));
  });

  it('keeps each repeated string once', () => {
    const columns = toColumns(seats, 'evt_x');
    expect(columns.sections.values).toEqual(['Floor', 'Bay\n2']);
    expect(columns.attributes.values).toEqual(['aisle,wheelchair', '', 'restricted_view']);
  });
});
