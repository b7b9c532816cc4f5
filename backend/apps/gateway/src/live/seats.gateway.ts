import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import {
  extendPayloadSchema,
  holdPayloadSchema,
  parseContract,
  releasePayloadSchema,
  SocketEvent,
  subscribePayloadSchema,
  type Booking,
  type ErrorBody,
  type ReleaseAck,
} from '@seatstorm/contracts';
import { TokenVerifier } from '../auth/token-verifier.service';
import { LiveRooms } from './live-rooms';
import { LiveService } from './live.service';
import type { LiveServer, LiveSocket } from './live-socket';
import { SocketActor } from './socket-actor';
import { ackOf } from './socket-ack';
import { authenticateSockets } from './socket-auth';

/**
 * The socket.io edge (docs/architecture.md §6), on the REST port: parses each
 * message with its contract schema, calls the live service, and acks its
 * answer or the error body.
 */
@WebSocketGateway()
export class SeatsGateway implements OnGatewayInit<LiveServer>, OnGatewayConnection<LiveSocket>, OnGatewayDisconnect<LiveSocket> {
  constructor(
    private readonly live: LiveService,
    private readonly actor: SocketActor,
    private readonly rooms: LiveRooms,
    private readonly tokens: TokenVerifier,
  ) {}

  afterInit(server: LiveServer): void {
    server.use(authenticateSockets(this.tokens));
    this.rooms.attach(server);
  }

  handleConnection(socket: LiveSocket): void {
    this.live.connected(socket);
  }

  handleDisconnect(socket: LiveSocket): void {
    this.live.disconnected(socket);
  }

  @SubscribeMessage(SocketEvent.Subscribe)
  subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<{ version: number } | ErrorBody> {
    return ackOf(SocketEvent.Subscribe, () => this.live.subscribe(socket, parseContract(subscribePayloadSchema, payload, SocketEvent.Subscribe)));
  }

  @SubscribeMessage(SocketEvent.Unsubscribe)
  unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<void | ErrorBody> {
    return ackOf(SocketEvent.Unsubscribe, () => this.live.unsubscribe(socket, parseContract(subscribePayloadSchema, payload, SocketEvent.Unsubscribe)));
  }

  @SubscribeMessage(SocketEvent.Hold)
  hold(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Booking | ErrorBody> {
    return ackOf(SocketEvent.Hold, async () =>
      this.live.hold(await this.actor.userOf(socket, SocketEvent.Hold), parseContract(holdPayloadSchema, payload, SocketEvent.Hold)),
    );
  }

  @SubscribeMessage(SocketEvent.Release)
  release(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<ReleaseAck | ErrorBody> {
    return ackOf(SocketEvent.Release, async () =>
      this.live.release(await this.actor.userOf(socket, SocketEvent.Release), parseContract(releasePayloadSchema, payload, SocketEvent.Release)),
    );
  }

  @SubscribeMessage(SocketEvent.Extend)
  extend(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<Booking | ErrorBody> {
    return ackOf(SocketEvent.Extend, async () =>
      this.live.extend(await this.actor.userOf(socket, SocketEvent.Extend), parseContract(extendPayloadSchema, payload, SocketEvent.Extend)),
    );
  }

  @SubscribeMessage(SocketEvent.LabSubscribe)
  subscribeLab(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<{ ok: true } | ErrorBody> {
    return ackOf(SocketEvent.LabSubscribe, () => this.live.subscribeLab(socket, parseContract(subscribePayloadSchema, payload, SocketEvent.LabSubscribe)));
  }

  @SubscribeMessage(SocketEvent.LabUnsubscribe)
  unsubscribeLab(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<void | ErrorBody> {
    return ackOf(SocketEvent.LabUnsubscribe, () =>
      this.live.unsubscribeLab(socket, parseContract(subscribePayloadSchema, payload, SocketEvent.LabUnsubscribe)),
    );
  }
}
