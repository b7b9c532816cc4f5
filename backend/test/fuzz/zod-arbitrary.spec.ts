import {
  blockSeatsRequestSchema,
  createBookingRequestSchema,
  createEventRequestSchema,
  holdPayloadSchema,
  listBookingsQuerySchema,
  loginRequestSchema,
  registerRequestSchema,
  releasePayloadSchema,
  subscribePayloadSchema,
  updateEventSettingsSchema,
} from '@seatstorm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { invalidOf, validOf, type Hints } from './zod-arbitrary';

/** A cursor is one the API gave out, never drawn: the REST fuzz hints real ones. */
const HINTS: Hints = { cursor: fc.constant(undefined) };

const SCHEMAS: Record<string, z.ZodType> = {
  registerRequestSchema,
  loginRequestSchema,
  createBookingRequestSchema,
  holdPayloadSchema,
  releasePayloadSchema,
  subscribePayloadSchema,
  createEventRequestSchema,
  updateEventSettingsSchema,
  blockSeatsRequestSchema,
  listBookingsQuerySchema,
};

/** The fuzz suite's inputs are only as good as the mapper: its valid values must mostly pass, its invalid ones mostly not. */
describe('arbitraries from the contract', () => {
  it.each(Object.entries(SCHEMAS))('%s: most valid values parse', (_, schema) => {
    const samples = fc.sample(validOf(schema, HINTS), { numRuns: 200, seed: 42 });
    const accepted = samples.filter((value) => schema.safeParse(value).success).length;
    // Refinements the mapper cannot see (a seat twice, a card's checksum, "give one of the two") refuse some.
    expect(accepted / samples.length).toBeGreaterThan(0.5);
  });

  it.each(Object.entries(SCHEMAS))('%s: most invalid values are refused', (_, schema) => {
    const samples = fc.sample(invalidOf(schema, HINTS), { numRuns: 200, seed: 42 });
    const refused = samples.filter((value) => !schema.safeParse(value).success).length;
    // An extra field is stripped, and a left-out field may be optional: those still parse.
    expect(refused / samples.length).toBeGreaterThan(0.5);
  });
});
