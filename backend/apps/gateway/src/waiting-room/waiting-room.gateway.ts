import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { parseContract, roomOfQueue, SocketEvent, subscribePayloadSchema, type ErrorBody, type QueuePlace, type WaitingRoomStats } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { LiveServer, LiveSocket } from '../live/live-socket';
import { ackOf } from '../live/socket-ack';
import { WaitingRoomService } from './waiting-room.service';
import { WaitingRoomTicker } from './waiting-room.ticker';

/**
 * The waiting room over the socket (docs/architecture.md §8): a signed-in
 * socket joins an event's queue and from then on gets `queue.updated` every
 * tick and, on its user's sockets, `queue.admitted` with the pass.
 */
@WebSocketGateway()
export class WaitingRoomGateway implements OnGatewayInit<LiveServer> {
  constructor(
    private readonly rooms: WaitingRoomService,
    private readonly ticker: WaitingRoomTicker,
  ) {}

  afterInit(server: LiveServer): void {
    this.ticker.attach(server);
  }

  @SubscribeMessage(SocketEvent.QueueJoin)
  join(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<QueuePlace | ErrorBody> {
    return ackOf(SocketEvent.QueueJoin, async () => {
      const { eventId } = parseContract(subscribePayloadSchema, payload, SocketEvent.QueueJoin);
      const { user } = socket.data;
      if (!user) throw new DomainError('UNAUTHORIZED', 'Sign in first: the queue keeps one place per account.');
      await socket.join(roomOfQueue(eventId));
      return this.rooms.join(user, eventId);
    });
  }

  @SubscribeMessage(SocketEvent.QueueLeave)
  leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<{ ok: true } | ErrorBody> {
    return ackOf(SocketEvent.QueueLeave, async () => {
      const { eventId } = parseContract(subscribePayloadSchema, payload, SocketEvent.QueueLeave);
      const { user } = socket.data;
      if (!user) throw new DomainError('UNAUTHORIZED', 'Sign in first.');
      await socket.leave(roomOfQueue(eventId));
      await this.rooms.leave(user, eventId);
      return { ok: true as const };
    });
  }

  @SubscribeMessage(SocketEvent.QueueWatch)
  watch(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<WaitingRoomStats | ErrorBody> {
    return ackOf(SocketEvent.QueueWatch, async () => {
      const { eventId } = parseContract(subscribePayloadSchema, payload, SocketEvent.QueueWatch);
      await socket.join(roomOfQueue(eventId));
      return this.rooms.stats(eventId);
    });
  }
}
