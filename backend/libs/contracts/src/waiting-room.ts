import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './ids';

/**
 * The virtual waiting room of an event (docs/architecture.md §8), as the
 * REST API and the socket tell it.
 *
 * Before `onSaleAt` everyone who joins waits in a pre-queue in no order; at
 * `onSaleAt` the pre-queue is shuffled uniformly at random into the queue, and
 * whoever joins later takes the next ticket at its end. Buyers leave the queue
 * from the front at the admission rate, each with an admission pass that
 * `hold` requires while the room is on.
 */

/** `pre`: before the on-sale, nobody has a place yet; `open`: the queue moves. */
export const waitingRoomPhaseSchema = z.enum(['pre', 'open']);
export type WaitingRoomPhase = z.infer<typeof waitingRoomPhaseSchema>;

/**
 * What everyone watching a room sees, broadcast once per admission tick to the
 * room `queue:<eventId>` (and answered by GET /events/:eventId/queue/stats).
 */
export const waitingRoomStatsSchema = z.object({
  eventId: idSchema,
  /** Off: the event sells without a queue, and whoever waits may go to the seat map. */
  enabled: z.boolean(),
  phase: waitingRoomPhaseSchema,
  onSaleAt: isoDateTimeSchema,
  /** People in the pre-queue and the queue, not yet admitted. */
  waiting: z.number().int().nonnegative(),
  /** Everyone admitted since the room opened: a buyer's people ahead fall by each one admitted after they read it. */
  admittedCount: z.number().int().nonnegative(),
  /** The rate in force, buyers per minute (0 while paused). */
  admittedPerMinute: z.number().nonnegative(),
  /** Admitted in the last minute, counted. */
  admittedLastMinute: z.number().int().nonnegative(),
  /** Passes issued and not yet expired. */
  passesInUse: z.number().int().nonnegative(),
  /** `null`: adaptive, following the booking core. */
  fixedPerMinute: z.number().int().positive().nullable(),
  paused: z.boolean(),
  at: isoDateTimeSchema,
});
export type WaitingRoomStats = z.infer<typeof waitingRoomStatsSchema>;

/**
 * One buyer's place (POST and GET /events/:eventId/queue, the socket's
 * `queue.join` ack):
 * - `waiting`: in the pre-queue (no position yet) or in the queue, `ahead` people before them;
 * - `admitted`: with the pass to hold seats, until `passExpiresAt`;
 * - `not-queued`: not in this room (never joined, left, or the pass ran out): joining again goes to the back.
 */
export const queuePlaceSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('waiting'),
    eventId: idSchema,
    /** Null in the pre-queue: places are drawn at the on-sale. */
    ticket: z.number().int().positive().nullable(),
    ahead: z.number().int().nonnegative().nullable(),
    /** Null until the queue moves and has a rate. */
    estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
    room: waitingRoomStatsSchema,
  }),
  z.object({
    status: z.literal('admitted'),
    eventId: idSchema,
    pass: z.string().min(1),
    passExpiresAt: isoDateTimeSchema,
    room: waitingRoomStatsSchema,
  }),
  z.object({
    status: z.literal('not-queued'),
    eventId: idSchema,
    room: waitingRoomStatsSchema,
  }),
]);
export type QueuePlace = z.infer<typeof queuePlaceSchema>;

/** Pushed to the admitted buyer's own sockets the moment they are let in. */
export const queueAdmittedSchema = z.object({
  eventId: idSchema,
  pass: z.string().min(1),
  passExpiresAt: isoDateTimeSchema,
});
export type QueueAdmitted = z.infer<typeof queueAdmittedSchema>;

/** The claims of an admission pass: a JWT bound to one user and one event, signed with a key of its own. */
export const admissionPassClaimsSchema = z.object({
  sub: idSchema,
  evt: idSchema,
  aud: z.literal('seatstorm:admission'),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AdmissionPassClaims = z.infer<typeof admissionPassClaimsSchema>;

/**
 * People ahead now, from what a buyer read earlier: everyone admitted since
 * was ahead of them (the queue leaves from the front). Someone ahead who left
 * is not counted out, so the figure never promises too much.
 */
export function aheadNow(aheadAtRead: number, admittedCountAtRead: number, admittedCountNow: number): number {
  return Math.max(0, aheadAtRead - Math.max(0, admittedCountNow - admittedCountAtRead));
}

/** Seconds until `ahead` people are admitted at a rate; null while nothing is admitted. */
export function estimatedWaitSeconds(ahead: number, admittedPerMinute: number): number | null {
  if (admittedPerMinute <= 0) return null;
  return Math.ceil((ahead + 1) / (admittedPerMinute / 60));
}
