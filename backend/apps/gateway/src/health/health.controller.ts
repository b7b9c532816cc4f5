import { Controller, Get, Res } from '@nestjs/common';
import type { HealthReport, Liveness } from '@seatstorm/contracts';
import type { Response } from 'express';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Readiness: 200 when Kafka, PostgreSQL and Redis all answer, 503 naming the one that does not. */
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  /** Liveness: the process is up and serving. */
  @Get('live')
  live(): Liveness {
    return { status: 'ok' };
  }
}
