import type { LayoutSeat } from './layout';

/**
 * A layout's seats as columns, the form in which a worker hands them to the page: a few long strings and typed
 * arrays cross between threads at the speed of a copy, where 50,000 seat objects would be rebuilt field by field on
 * arrival, all in one task. The page makes the seat objects again a slice at a time (`seatsFrom`).
 */
export interface SeatColumns {
  count: number;
  /**
   * Each seat's id; null when every id is its event's id, `_` and its label (`evt_eras_A1`, the ids catalog makes),
   * as `idPrefix` and the labels give them. Ids made that way are also quicker keys of `indexById` than pieces cut
   * from one long string.
   */
  ids: StringColumn | null;
  idPrefix: string;
  labels: StringColumn;
  sections: RepeatedColumn;
  rows: RepeatedColumn;
  tiers: RepeatedColumn;
  /** Each seat's attributes joined by commas, '' for none (most seats). */
  attributes: RepeatedColumn;
  numbers: Uint32Array;
  prices: Uint32Array;
  /** The run within its row; 0 for a seat without one (the first run, which is most seats). */
  blocks: Uint32Array;
  x: Float64Array;
  y: Float64Array;
}

/** Strings of any content, one after the other: seat `i`'s is `text.slice(ends[i - 1] ?? 0, ends[i])`. */
interface StringColumn {
  text: string;
  ends: Uint32Array;
}

/** Strings that repeat (a stadium has 40 sections for 50,000 seats): each seat's index into `values`. */
interface RepeatedColumn {
  values: string[];
  index: Uint32Array;
}

/** The fields of a seat the columns carry: every one of LayoutSeat, so a field added to the contract's seat fails to compile here. */
export const CARRIED_FIELDS = {
  id: true,
  label: true,
  section: true,
  row: true,
  number: true,
  tier: true,
  price: true,
  x: true,
  y: true,
  attributes: true,
  block: true,
} satisfies Record<keyof LayoutSeat, true>;

function stringColumn(values: readonly string[]): StringColumn {
  const ends = new Uint32Array(values.length);
  let end = 0;
  values.forEach((value, i) => {
    end += value.length;
    ends[i] = end;
  });
  return { text: values.join(''), ends };
}

function repeatedColumn(values: readonly string[]): RepeatedColumn {
  const indexOf = new Map<string, number>();
  const index = Uint32Array.from(values, (value) => {
    let at = indexOf.get(value);
    if (at === undefined) {
      at = indexOf.size;
      indexOf.set(value, at);
    }
    return at;
  });
  return { values: [...indexOf.keys()], index };
}

export function toColumns(seats: readonly LayoutSeat[], eventId: string): SeatColumns {
  const idPrefix = `${eventId}_`;
  const idsFollowLabels = seats.every((seat) => seat.id === `${idPrefix}${seat.label}`);
  return {
    count: seats.length,
    ids: idsFollowLabels ? null : stringColumn(seats.map((seat) => seat.id)),
    idPrefix,
    labels: stringColumn(seats.map((seat) => seat.label)),
    sections: repeatedColumn(seats.map((seat) => seat.section)),
    rows: repeatedColumn(seats.map((seat) => seat.row)),
    tiers: repeatedColumn(seats.map((seat) => seat.tier)),
    attributes: repeatedColumn(seats.map((seat) => seat.attributes?.join(',') ?? '')),
    numbers: Uint32Array.from(seats, (seat) => seat.number),
    prices: Uint32Array.from(seats, (seat) => seat.price),
    blocks: Uint32Array.from(seats, (seat) => seat.block ?? 0),
    x: Float64Array.from(seats, (seat) => seat.x),
    y: Float64Array.from(seats, (seat) => seat.y),
  };
}

/** The buffers of the columns, which a worker may hand over instead of copying. */
export function columnBuffers(columns: SeatColumns): ArrayBuffer[] {
  const { ids, labels, sections, rows, tiers, attributes, numbers, prices, blocks, x, y } = columns;
  return [...(ids ? [ids.ends] : []), labels.ends, sections.index, rows.index, tiers.index, attributes.index, numbers, prices, blocks, x, y].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

const stringAt = (column: StringColumn, i: number) => column.text.slice(i === 0 ? 0 : column.ends[i - 1], column.ends[i]);

/** Seats `from` up to `to` (excluded) as the layout keeps them, appended to `into`. */
export function seatsFrom(columns: SeatColumns, from: number, to: number, into: LayoutSeat[]): void {
  const { sections, rows, tiers, attributes } = columns;
  const attributeLists = attributes.values.map((joined) => (joined ? (joined.split(',') as NonNullable<LayoutSeat['attributes']>) : null));
  for (let i = from; i < Math.min(to, columns.count); i += 1) {
    const label = stringAt(columns.labels, i);
    const seat: LayoutSeat = {
      id: columns.ids ? stringAt(columns.ids, i) : `${columns.idPrefix}${label}`,
      label,
      section: sections.values[sections.index[i]!]!,
      row: rows.values[rows.index[i]!]!,
      number: columns.numbers[i]!,
      tier: tiers.values[tiers.index[i]!]!,
      price: columns.prices[i]!,
      x: columns.x[i]!,
      y: columns.y[i]!,
    };
    const list = attributeLists[attributes.index[i]!];
    if (list) seat.attributes = [...list];
    const block = columns.blocks[i]!;
    if (block) seat.block = block;
    into.push(seat);
  }
}
