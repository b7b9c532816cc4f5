import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { parseContract, roomOfAnalytics, SocketEvent, subscribePayloadSchema, type ErrorBody, type EventAnalytics } from '@seatstorm/contracts';
import type { LiveServer, LiveSocket } from '../live/live-socket';
import { ackOf } from '../live/socket-ack';
import { AnalyticsService } from './analytics.service';

/**
 * Sales figures over the socket (docs/architecture.md §12): an admin's socket
 * watches an event (the room `analytics:<eventId>`), acked with the figures
 * now, and gets `analytics.updated` whenever they change.
 */
@WebSocketGateway()
export class AnalyticsGateway {
  @WebSocketServer() private readonly server?: LiveServer;

  constructor(private readonly analytics: AnalyticsService) {}

  @SubscribeMessage(SocketEvent.AnalyticsWatch)
  watch(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<EventAnalytics | ErrorBody> {
    return ackOf(SocketEvent.AnalyticsWatch, async () => {
      const { eventId } = parseContract(subscribePayloadSchema, payload, SocketEvent.AnalyticsWatch);
      this.analytics.assertAdmin(socket.data.user);
      // Asked first: an unknown event is NOT_FOUND and joins nothing.
      const now = await this.analytics.get(eventId, 'recent');
      await socket.join(roomOfAnalytics(eventId));
      return now;
    });
  }

  @SubscribeMessage(SocketEvent.AnalyticsUnwatch)
  unwatch(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<void | ErrorBody> {
    return ackOf(SocketEvent.AnalyticsUnwatch, async () => {
      const { eventId } = parseContract(subscribePayloadSchema, payload, SocketEvent.AnalyticsUnwatch);
      await socket.leave(roomOfAnalytics(eventId));
    });
  }

  /** Through the Redis adapter, one emit reaches the room's sockets on every gateway instance. */
  updated(analytics: EventAnalytics): void {
    this.server?.to(roomOfAnalytics(analytics.eventId)).emit(SocketEvent.AnalyticsUpdated, analytics);
  }
}
