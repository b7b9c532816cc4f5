import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ANALYTICS_PUSH_INTERVAL_MS, Topic, type AnalyticsSpan, type BookingEvent, type EventAnalytics } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { MessageProducer } from '@seatstorm/kafka';
import { AnalyticsRepository } from './analytics.repository';
import { analyticsOf, countBatch, minutesSpan, TIER_STATUSES, type BookingStep } from './analytics.rules';
import { PushThrottle } from './push-throttle';

/** Counts bookings' steps into their events' sales figures, answers them, and pushes them as they change. */
@Injectable()
export class AnalyticsService implements OnApplicationShutdown {
  private readonly logger = new Logger(AnalyticsService.name);
  private readonly pushes = new PushThrottle(ANALYTICS_PUSH_INTERVAL_MS, (eventId) => void this.push(eventId));

  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly producer: MessageProducer,
  ) {}

  /** One batch of `Topic.BookingEvents`, counted exactly once per booking step, in one transaction. */
  async count(events: readonly BookingEvent[]): Promise<void> {
    const steps: BookingStep[] = events.map((event) => ({
      bookingId: event.bookingId,
      eventId: event.eventId,
      status: event.status,
      seats: event.seatIds.length,
      cents: event.amount,
      occurredAt: event.occurredAt,
    }));
    const bookingIds = [...new Set(steps.map((step) => step.bookingId))];
    const seatsFor = [...new Set(steps.filter((step) => TIER_STATUSES.has(step.status)).map((step) => step.bookingId))];
    const counted = await this.repository.countBatch(bookingIds, seatsFor, (prior, seats) => countBatch(prior, steps, seats));
    // A hold changes the seats left even when it adds nothing else: every event of the batch is pushed.
    for (const eventId of new Set(steps.map((step) => step.eventId))) this.pushes.changed(eventId);
    if (counted.bookings.length > 0) this.logger.debug({ steps: steps.length, counted: counted.bookings.length }, 'sales counted');
  }

  /** The event's figures now; NOT_FOUND for an unknown event. */
  async get(eventId: string, span: AnalyticsSpan = 'recent', now = new Date()): Promise<EventAnalytics> {
    if (!(await this.repository.eventExists(eventId))) throw new DomainError('NOT_FOUND', `There is no event ${eventId}.`);
    const range = minutesSpan(span, now, span === 'all' ? await this.repository.firstSaleMinute(eventId) : null);
    const [totals, seats, minutes, tiers] = await Promise.all([
      this.repository.totals(eventId),
      this.repository.seatCounts(eventId),
      this.repository.salesSince(eventId, range.from),
      this.repository.revenueByTier(eventId),
    ]);
    return analyticsOf({ eventId, totals, ...seats, minutes, tiers }, range, now);
  }

  onApplicationShutdown(): void {
    this.pushes.close();
  }

  private async push(eventId: string): Promise<void> {
    try {
      await this.producer.publish(Topic.AnalyticsUpdated, [await this.get(eventId)]);
    } catch (error) {
      // The figures stay stored: the next change pushes them again, and a page reads them over REST.
      this.logger.warn({ eventId, err: String(error) }, 'could not push sales figures');
    }
  }
}
