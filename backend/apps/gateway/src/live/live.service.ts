import { Injectable } from '@nestjs/common';
import {
  roomOfEvent,
  roomOfLab,
  roomOfUser,
  RpcPattern,
  type Booking,
  type HoldPayload,
  type PublicUser,
  type ReleaseAck,
  type ExtendPayload,
  type ReleasePayload,
  type SubscribePayload,
} from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { RpcClient } from '@seatstorm/kafka';
import { BookingsService } from '../bookings/bookings.service';
import { LabFeed } from './lab-feed.service';
import { liveSockets } from './live.metrics';
import type { LiveSocket } from './live-socket';
import { SocketThrottle } from './socket-throttle';

/** The longest a Node timer can wait; a session longer than that (24 days) is not timed. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Rooms a socket may be in at once beyond its own and its user's: plenty for any page, and a bound on what one socket costs. */
const MAX_ROOMS_PER_SOCKET = 50;

/**
 * What a socket can do: watch seat maps and the race lab, and, signed in,
 * hold and release seats through the very service POST /bookings uses, so
 * both paths give the same answers.
 */
@Injectable()
export class LiveService {
  constructor(
    private readonly bookings: BookingsService,
    private readonly rpc: RpcClient,
    private readonly throttle: SocketThrottle,
    private readonly lab: LabFeed,
  ) {}

  connected(socket: LiveSocket): void {
    const { user, sessionEndsAt } = socket.data;
    liveSockets.inc({ kind: user ? 'user' : 'anonymous' });
    if (!user) return;
    void socket.join(roomOfUser(user.id));
    const remaining = (sessionEndsAt ?? Number.POSITIVE_INFINITY) - Date.now();
    if (remaining <= MAX_TIMER_MS) {
      // Personal events and holds stop with the session; the client reconnects with a fresh token.
      const timer = setTimeout(() => socket.disconnect(true), Math.max(0, remaining));
      socket.once('disconnect', () => clearTimeout(timer));
    }
  }

  disconnected(socket: LiveSocket): void {
    liveSockets.dec({ kind: socket.data.user ? 'user' : 'anonymous' });
  }

  /**
   * Joins the event's room, then reads the version: every change after that
   * version reaches the socket, so a client at that version misses nothing.
   * Each costs a catalog round trip: LIVE_SUBSCRIBE_RATE_LIMIT a second per socket.
   */
  async subscribe(socket: LiveSocket, { eventId }: SubscribePayload): Promise<{ version: number }> {
    await this.throttle.take(socket.id, 'watch');
    const room = roomOfEvent(eventId);
    await this.join(socket, room);
    try {
      const { version } = await this.rpc.request(RpcPattern.CatalogGetSeatVersion, { eventId });
      return { version };
    } catch (error) {
      await socket.leave(room);
      throw error;
    }
  }

  async unsubscribe(socket: LiveSocket, { eventId }: SubscribePayload): Promise<void> {
    await socket.leave(roomOfEvent(eventId));
  }

  async subscribeLab(socket: LiveSocket, { eventId }: SubscribePayload): Promise<{ ok: true }> {
    this.lab.assertOpen();
    await this.throttle.take(socket.id, 'watch');
    await this.join(socket, roomOfLab(eventId));
    return { ok: true };
  }

  async unsubscribeLab(socket: LiveSocket, { eventId }: SubscribePayload): Promise<void> {
    await socket.leave(roomOfLab(eventId));
  }

  /** The body POST /bookings answers: the reserved booking, the pending one, or the error. */
  async hold(user: PublicUser, { idempotencyKey, ...request }: HoldPayload): Promise<Booking> {
    const { body } = await this.bookings.hold(user, request, idempotencyKey);
    return body;
  }

  async release(user: PublicUser, { bookingId }: ReleasePayload): Promise<ReleaseAck> {
    const { decided } = await this.bookings.cancel(user, bookingId);
    return decided ? { ok: true } : { ok: true, pending: true };
  }

  async extend(user: PublicUser, { bookingId }: ExtendPayload): Promise<Booking> {
    const { body } = await this.bookings.extend(user, bookingId);
    return body;
  }

  private async join(socket: LiveSocket, room: string): Promise<void> {
    if (!socket.rooms.has(room) && socket.rooms.size >= MAX_ROOMS_PER_SOCKET + 2) {
      throw new DomainError('RATE_LIMITED', `One connection can watch at most ${MAX_ROOMS_PER_SOCKET} maps at once; unsubscribe from one first.`);
    }
    await socket.join(room);
  }
}
