import { Injectable } from '@nestjs/common';
import { SocketEvent, type PublicUser } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { ClientIps } from '../rate-limits/client-ips';
import { HoldLimits } from '../rate-limits/hold-limits.service';
import type { LiveSocket } from './live-socket';
import { SocketThrottle } from './socket-throttle';

/**
 * Who a socket acts for when it holds, extends or releases seats, checked at the edge
 * before any work: the socket's signed-in user (UNAUTHORIZED for an anonymous
 * socket), within LIVE_HOLD_RATE_LIMIT a second on this socket and, for a hold,
 * within its account's and client address's hold budgets: the very budgets
 * POST /bookings takes from.
 */
@Injectable()
export class SocketActor {
  constructor(
    private readonly throttle: SocketThrottle,
    private readonly holdLimits: HoldLimits,
    private readonly clientIps: ClientIps,
  ) {}

  async userOf(socket: LiveSocket, action: typeof SocketEvent.Hold | typeof SocketEvent.Release | typeof SocketEvent.Extend): Promise<PublicUser> {
    const { user } = socket.data;
    if (!user) throw new DomainError('UNAUTHORIZED', 'Sign in first: connect with auth: { token } to hold seats.');
    await this.throttle.take(socket.id, 'act');
    if (action === SocketEvent.Hold) await this.holdLimits.take(user.id, this.clientIps.of(socket.handshake.address, socket.handshake.headers));
    return user;
  }
}
