import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { metricsRegistry } from '@seatstorm/observability';
import { MetricsAccessGuard } from './metrics-access.guard';

@Controller('metrics')
export class MetricsController {
  /** Prometheus text exposition of this process's metrics. */
  @Get()
  @UseGuards(MetricsAccessGuard)
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
