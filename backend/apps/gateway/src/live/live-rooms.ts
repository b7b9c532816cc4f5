import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  roomOfEvent,
  bookingUpdatedOf,
  roomOfLab,
  roomOfUser,
  SocketEvent,
  type BookingEvent,
  type LabDecision,
  type Notification,
  type SeatUpdated,
} from '@seatstorm/contracts';
import type { LiveServer } from './live-socket';
import { countRoomsOf } from './live.metrics';

/**
 * Emits to rooms. Through the socket.io Redis adapter, an emit on one gateway
 * instance reaches the room's sockets on every instance, so each message is
 * emitted once, by the instance that consumed it from Kafka.
 */
@Injectable()
export class LiveRooms implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveRooms.name);
  private server?: LiveServer;
  private stopCounting?: () => void;

  /** Called by the socket gateway once socket.io is up. */
  attach(server: LiveServer): void {
    this.server = server;
    this.stopCounting?.();
    this.stopCounting = countRoomsOf(server);
  }

  onApplicationShutdown(): void {
    this.stopCounting?.();
  }

  seatUpdated(delta: SeatUpdated): void {
    this.io()?.to(roomOfEvent(delta.eventId)).emit(SocketEvent.SeatUpdated, delta);
  }

  bookingUpdated(event: BookingEvent): void {
    this.io()?.to(roomOfUser(event.userId)).emit(SocketEvent.BookingUpdated, bookingUpdatedOf(event));
  }

  notification(notification: Notification): void {
    this.io()?.to(roomOfUser(notification.userId)).emit(SocketEvent.Notification, notification);
  }

  labDecision(decision: LabDecision): void {
    this.io()?.to(roomOfLab(decision.eventId)).emit(SocketEvent.LabDecision, decision);
  }

  private io(): LiveServer | undefined {
    if (!this.server) this.logger.warn('a live message arrived before socket.io was up; dropped');
    return this.server;
  }
}
