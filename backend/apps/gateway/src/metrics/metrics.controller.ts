import { Controller, Get, Header } from '@nestjs/common';
import { metricsRegistry } from '@seatstorm/observability';

@Controller('metrics')
export class MetricsController {
  /** Prometheus text exposition of this process's metrics. */
  @Get()
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
