import { z } from 'zod';
import { eventDetailSchema, eventSummarySchema, seatSnapshotSchema } from '../catalog';
import { idSchema } from '../ids';
import { RpcPattern } from '../topics';
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

export const catalogGetSeatsRpc = defineRpc({
  pattern: RpcPattern.CatalogGetSeats,
  request: eventIdParamsSchema,
  reply: seatSnapshotSchema,
});
