import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topic } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { correlationIdIn } from '@seatstorm/observability';
import { BookingsService } from './bookings.service';

/**
 * The booking core's edge on `Topic.BookingCommands`: each fetched batch of a
 * partition is decided as one unit, in offset order; its offsets are committed
 * only after the decisions are committed and published.
 */
@Injectable()
export class BookingsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly bookings: BookingsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consumeBatches(Topic.BookingCommands, { concurrency: 4 }, async (messages) => {
      await this.bookings.decide(
        messages.map((message) => message.payload),
        new Map(
          messages.map((message) => [
            message.payload.commandId,
            { partition: message.partition, offset: message.offset, correlationId: correlationIdIn(message.headers) },
          ]),
        ),
      );
    });
  }
}
