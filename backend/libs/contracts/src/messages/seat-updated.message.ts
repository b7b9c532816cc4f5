import { z } from 'zod';
import { idSchema } from '../ids';
import { standingCountSchema } from '../standing';
import { seatStatusSchema } from '../statuses';
import { Topic } from '../topics';
import { defineMessage } from './message';

export const seatChangeSchema = z.object({
  seatId: idSchema,
  status: seatStatusSchema,
  bookingId: idSchema.nullable(),
});
export type SeatChange = z.infer<typeof seatChangeSchema>;

/**
 * A versioned delta of one event's seats (docs/architecture.md §5). Messages of one event
 * form a chain: each one's `baseVersion` is the previous one's `version`.
 */
export const seatUpdatedSchema = z
  .object({
    eventId: idSchema,
    baseVersion: z.number().int().nonnegative(),
    version: z.number().int().positive(),
    changes: z.array(seatChangeSchema).min(1),
    /**
     * How many places each standing area whose places changed has left after this delta
     * (docs/architecture.md §15); absent when no place changed. The changes name the places too.
     */
    areas: z.array(standingCountSchema).optional(),
  })
  .refine((m) => m.version > m.baseVersion, { message: 'version must be greater than baseVersion', path: ['version'] });
export type SeatUpdated = z.infer<typeof seatUpdatedSchema>;

export const seatUpdatedMessage = defineMessage({
  topic: Topic.SeatUpdated,
  version: 1,
  schema: seatUpdatedSchema,
  keyOf: (m) => m.eventId,
});
