import { Controller, Get, Param, Res } from '@nestjs/common';
import { eventIdParamsSchema, parseContract, type EventAnalytics } from '@seatstorm/contracts';
import type { Response } from 'express';
import { Roles } from '../auth/roles.decorator';
import { CorrelationId } from '../errors/correlation-id.decorator';
import { analyticsCsvFilename, analyticsCsvOf } from './analytics-csv';
import { AnalyticsService } from './analytics.service';

/** Admin: an event's live sales figures (docs/architecture.md §12), as JSON and as a CSV file. */
@Controller('events')
@Roles('admin')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get(':eventId/analytics')
  get(@Param() params: unknown, @CorrelationId() correlationId?: string): Promise<EventAnalytics> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    return this.analytics.get(eventId, 'recent', correlationId);
  }

  @Get(':eventId/analytics.csv')
  async csv(@Param() params: unknown, @Res() res: Response, @CorrelationId() correlationId?: string): Promise<void> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    const analytics = await this.analytics.get(eventId, 'all', correlationId);
    res.set({ 'Content-Disposition': `attachment; filename="${analyticsCsvFilename(analytics)}"`, 'Cache-Control': 'no-store' });
    res.type('text/csv; charset=utf-8').send(analyticsCsvOf(analytics));
  }
}
