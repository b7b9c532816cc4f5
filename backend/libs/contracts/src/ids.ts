import { z } from 'zod';

/** Opaque identifiers: non-empty, bounded, no whitespace. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits and _ . : -');

/** The Web Crypto API, global in Node.js and in browsers alike (the contracts are typed for neither). */
const webCrypto = (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;

/**
 * A new id: the kind's prefix and 20 random hex characters (80 bits), e.g.
 * `bkg_3f2a…`: users, events, venues, bookings, payments, commands and
 * notifications alike (an id derived from an Idempotency-Key is keyedId's).
 */
export function newId(prefix: string): string {
  return `${prefix}_${webCrypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/** A seat's id is globally unique: `${eventId}_${label}` (e.g. `evt_eras_A1`). */
export function seatIdOf(eventId: string, label: string): string {
  return `${eventId}_${label}`;
}

/** A seat's label from its id, without loading the seat map; an id of another event is returned as it is. */
export function seatLabelOf(eventId: string, seatId: string): string {
  const prefix = seatIdOf(eventId, '');
  return seatId.startsWith(prefix) ? seatId.slice(prefix.length) : seatId;
}

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** Money is integer cents. */
export const centsSchema = z.number().int().nonnegative();
