import { createEventOnVenueSchema, createSimpleEventSchema, type CreateEventRequest, type VenueListing } from '@seatstorm/contracts';
import { ApiError } from '@/lib/api';
import { describeError } from '@/lib/errors';

/**
 * What the admin's "create an event" form sends: its fields, as typed, turned
 * into a POST /events body checked with the contract's own schemas, or a
 * sentence saying what to fix. Pure: no React, no fetch.
 */

export type BuiltRequest = { ok: true; request: CreateEventRequest } | { ok: false; message: string };

/** The fields both forms share, as the inputs hold them (datetime-local values have no zone). */
interface CommonFields {
  name: string;
  startsAt: string;
  category: string;
  description: string;
}

export interface VenueEventFields extends CommonFields {
  /** Empty: on sale at once. */
  onSaleAt: string;
  /** Dollars as typed, per tier. */
  prices: Readonly<Record<string, string>>;
}

export interface SimpleEventFields extends CommonFields {
  venue: string;
  totalSeats: string;
  price: string;
}

const FIELD_NAMES: Record<string, string> = {
  name: 'the name',
  venue: 'the venue',
  startsAt: 'the start',
  date: 'the start',
  onSaleAt: 'the on-sale date',
  totalSeats: 'the seats (1 to 20,000)',
  price: 'the price (dollars, like 45 or 45.50)',
  category: 'the category',
  description: 'the description',
};

/** datetime-local has no zone: the form reads times in UTC, as the site shows them. */
export function utcFromLocalInput(value: string): string {
  if (!value) return '';
  return `${value}${value.length === 'YYYY-MM-DDTHH:MM'.length ? ':00' : ''}Z`;
}

/** "150" or "45.50" dollars → cents; undefined for anything else (empty, negative, three decimals). */
export function dollarsToCents(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return undefined;
  const cents = Math.round(Number(trimmed) * 100);
  return Number.isSafeInteger(cents) ? cents : undefined;
}

const optional = (text: string): string | undefined => text.trim() || undefined;

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function checkFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>): string | null {
  const fields = [...new Set(issues.map((issue) => FIELD_NAMES[String(issue.path[0])] ?? String(issue.path[0])))];
  return fields.length > 0 ? `Check ${listOf(fields)}.` : null;
}

/** POST /events on a stored venue: every tier of its layout needs a price. */
export function venueEventRequest(fields: VenueEventFields, venue: VenueListing | undefined): BuiltRequest {
  if (!venue) return { ok: false, message: 'Pick a venue.' };
  const prices: Record<string, number> = {};
  const unpriced: string[] = [];
  for (const { tier } of venue.tiers) {
    const cents = dollarsToCents(fields.prices[tier] ?? '');
    if (cents === undefined) unpriced.push(tier);
    else prices[tier] = cents;
  }
  const onSaleAt = optional(fields.onSaleAt);
  const parsed = createEventOnVenueSchema.safeParse({
    venueId: venue.id,
    name: fields.name,
    startsAt: utcFromLocalInput(fields.startsAt),
    onSaleAt: onSaleAt && utcFromLocalInput(onSaleAt),
    prices,
    category: optional(fields.category),
    description: optional(fields.description),
  });
  const problems = [
    parsed.success ? null : checkFields(parsed.error.issues),
    unpriced.length > 0 ? `Give a price in dollars (like 45 or 45.50) for ${listOf(unpriced)}.` : null,
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0 || !parsed.success) return { ok: false, message: problems.join(' ') || 'Check the form.' };
  const { startsAt, onSaleAt: opens } = parsed.data;
  if (opens && Date.parse(opens) > Date.parse(startsAt)) return { ok: false, message: 'Sales must open before the event starts.' };
  return { ok: true, request: parsed.data };
}

/** POST /events in the original demo's simple form: a new venue laid out as a grid of rows A, B, C…. */
export function simpleEventRequest(fields: SimpleEventFields): BuiltRequest {
  const parsed = createSimpleEventSchema.safeParse({
    name: fields.name,
    venue: fields.venue,
    date: utcFromLocalInput(fields.startsAt),
    totalSeats: fields.totalSeats.trim() ? Number(fields.totalSeats) : Number.NaN,
    price: fields.price.trim() ? Number(fields.price) : Number.NaN,
    category: optional(fields.category),
    description: optional(fields.description),
  });
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, message: checkFields(parsed.error.issues) ?? 'Check the form.' };
}

/**
 * Why creating failed, for the admin. The gateway's message for a refused
 * event says what to fix ("The event must start in the future.", "Venue
 * ven_x was not found"), so it is shown as it is; other failures read as
 * everywhere else on the site.
 */
export function describeCreateError(error: unknown): string {
  if (error instanceof ApiError && (error.code === 'VALIDATION_FAILED' || error.code === 'NOT_FOUND')) return error.message;
  return describeError(error);
}

/** "1 seat", "50,000 seats". */
export function seatCountLabel(seats: number): string {
  return `${seats.toLocaleString('en-US')} ${seats === 1 ? 'seat' : 'seats'}`;
}

/** "New York · 100 seats in Floor", "Chicago · 50,000 seats in 40 sections". */
export function describeVenue(venue: VenueListing): string {
  const seats = seatCountLabel(venue.seatsTotal);
  const sections = venue.sections.length <= 3 ? listOf(venue.sections.map((section) => section.name)) : `${venue.sections.length} sections`;
  return [venue.city, `${seats} in ${sections}`].filter(Boolean).join(' · ');
}
