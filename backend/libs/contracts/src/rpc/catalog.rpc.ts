import { z } from 'zod';
import { createEventRequestSchema, eventDetailSchema, eventSummarySchema, saleSettingsSchema, seatSnapshotSchema, updateEventSettingsSchema } from '../catalog';
import { idSchema } from '../ids';
import { RpcPattern } from '../topics';
import { venueListingSchema } from '../venues';
import { defineRpc } from './rpc';

export const eventIdParamsSchema = z.object({ eventId: idSchema });

export const catalogListEventsRpc = defineRpc({
  pattern: RpcPattern.CatalogListEvents,
  request: z.object({}),
  reply: z.array(eventSummarySchema),
});

export const catalogGetEventRpc = defineRpc({
  pattern: RpcPattern.CatalogGetEvent,
  request: eventIdParamsSchema,
  reply: eventDetailSchema,
});

/**
 * Where a seat snapshot waits for the gateway: the catalog serializes it once
 * per version into Redis and Kafka carries only this reference (a claim
 * check). A stadium's snapshot is megabytes of JSON; through Kafka it was
 * encoded, checksummed, parsed and validated again on every page load.
 */
export const seatSnapshotRefSchema = z.object({
  eventId: idSchema,
  /** The version the stored snapshot is at (at least the event's version when asked). */
  version: z.number().int().nonnegative(),
  /** The Redis hash holding `version` and `body` (the JSON of GET /events/:eventId/seats). */
  cacheKey: z.string().min(1),
});
export type SeatSnapshotRef = z.infer<typeof seatSnapshotRefSchema>;

export const catalogGetSeatsRpc = defineRpc({
  pattern: RpcPattern.CatalogGetSeats,
  request: eventIdParamsSchema,
  reply: seatSnapshotRefSchema,
});

/**
 * Admin: create an event under the id the gateway chose. Asked again with the
 * same id (a retry), it answers the event created the first time. Laying out
 * tens of thousands of seats takes longer than a read: callers wait a minute.
 */
export const catalogCreateEventRpc = defineRpc({
  pattern: RpcPattern.CatalogCreateEvent,
  request: z.object({ eventId: idSchema, event: createEventRequestSchema }),
  reply: eventDetailSchema,
  timeoutMs: 60_000,
});

export const catalogUpdateEventRpc = defineRpc({
  pattern: RpcPattern.CatalogUpdateEvent,
  request: z.object({ eventId: idSchema, update: updateEventSettingsSchema }),
  reply: eventDetailSchema,
});

/** An event's on-sale time and waiting room, for the hold path. */
export const catalogGetSaleSettingsRpc = defineRpc({
  pattern: RpcPattern.CatalogGetSaleSettings,
  request: eventIdParamsSchema,
  reply: saleSettingsSchema,
});

/** The version an event's seats are at, without the seats: what a socket `subscribe` answers. */
export const catalogGetSeatVersionRpc = defineRpc({
  pattern: RpcPattern.CatalogGetSeatVersion,
  request: eventIdParamsSchema,
  reply: seatSnapshotSchema.pick({ eventId: true, version: true }),
});

/** Admin: the stored venues and their layouts' tiers, to create events on. */
export const catalogListVenuesRpc = defineRpc({
  pattern: RpcPattern.CatalogListVenues,
  request: z.object({}),
  reply: z.array(venueListingSchema),
});
