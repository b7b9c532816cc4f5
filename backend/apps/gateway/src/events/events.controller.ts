import { Controller, Get, Param } from '@nestjs/common';
import { eventIdParamsSchema, parseContract, type EventDetail, type EventSummary, type SeatSnapshot } from '@seatstorm/contracts';
import { CorrelationId } from '../errors/correlation-id.decorator';
import { EventsService } from './events.service';

@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  list(@CorrelationId() correlationId?: string): Promise<EventSummary[]> {
    return this.events.list(correlationId);
  }

  @Get(':eventId')
  get(@Param() params: unknown, @CorrelationId() correlationId?: string): Promise<EventDetail> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    return this.events.get(eventId, correlationId);
  }

  @Get(':eventId/seats')
  seats(@Param() params: unknown, @CorrelationId() correlationId?: string): Promise<SeatSnapshot> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    return this.events.seats(eventId, correlationId);
  }
}
