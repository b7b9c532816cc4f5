import { z } from 'zod';

/** Opaque identifiers: non-empty, bounded, no whitespace. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must contain only letters, digits and _ . : -');

/** A seat's id is globally unique: `${eventId}_${label}` (e.g. `evt_eras_A1`). */
export function seatIdOf(eventId: string, label: string): string {
  return `${eventId}_${label}`;
}

export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** Money is integer cents. */
export const centsSchema = z.number().int().nonnegative();
