import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { Topic } from '@seatstorm/contracts';
import { MessageConsumers, type DecodedMessage } from '@seatstorm/kafka';
import { LabFeed } from './lab-feed.service';
import { liveRelayLag, liveRelayStale, liveSeatDeltas } from './live.metrics';
import { LiveRooms } from './live-rooms';
import { SeatDeltaCoalescer } from './seat-delta-coalescer';

/**
 * Kafka → sockets. Every gateway instance joins the same consumer groups, so
 * each message is consumed once in the whole fleet and emitted to its room,
 * which the Redis adapter carries to every instance (docs/architecture.md §5).
 * One group per topic: a kafkajs group hands out the partitions of every
 * topic any member subscribes to, so members must subscribe alike.
 * A new group starts at the end: past changes are in the snapshot already.
 * A group that resumes after an outage catches up on what it missed: seat
 * changes are relayed all the same (their versions order them), but booking
 * updates and notifications older than LIVE_RELAY_MAX_AGE_MS are news no
 * longer, and the pages read them over REST.
 */
@Injectable()
export class LiveRelayConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly coalescer: SeatDeltaCoalescer;
  private readonly maxAgeMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly consumers: MessageConsumers,
    private readonly rooms: LiveRooms,
    private readonly lab: LabFeed,
  ) {
    this.maxAgeMs = config.LIVE_RELAY_MAX_AGE_MS;
    this.coalescer = new SeatDeltaCoalescer(config.LIVE_TICK_MS, (delta) => rooms.seatUpdated(delta));
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([
      // A batch's offsets are committed once it resolves: after every delta in it went out, not while the coalescer holds one.
      this.consumers.consumeBatches(Topic.SeatUpdated, { group: 'gateway-live-seats', fromBeginning: false }, async (messages) => {
        for (const message of messages) {
          liveSeatDeltas.inc({ outcome: this.coalescer.push(message.payload) });
          observeLag(message);
        }
        await this.coalescer.drained();
      }),
      this.consumers.consume(Topic.BookingEvents, { group: 'gateway-live-bookings', fromBeginning: false }, async (message) => {
        if (this.stale(message)) return;
        this.rooms.bookingUpdated(message.payload);
        this.lab.record(message.payload);
        observeLag(message);
      }),
      this.consumers.consume(Topic.NotificationCreated, { group: 'gateway-live-notifications', fromBeginning: false }, async (message) => {
        if (this.stale(message)) return;
        this.rooms.notification(message.payload);
        observeLag(message);
      }),
    ]);
  }

  onApplicationShutdown(): void {
    this.coalescer.close();
  }

  private stale(message: DecodedMessage<Topic>): boolean {
    if (Date.now() - message.timestamp <= this.maxAgeMs) return false;
    liveRelayStale.inc({ topic: message.topic });
    return true;
  }
}

function observeLag(message: DecodedMessage<Topic>): void {
  liveRelayLag.observe({ topic: message.topic }, Math.max(0, Date.now() - message.timestamp) / 1000);
}
