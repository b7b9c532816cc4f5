import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { DomainError } from '@seatstorm/errors';
import { metricsAccess } from '@seatstorm/observability';
import type { Request } from 'express';

/** Who may scrape GET /metrics (metricsAccess): a 401 without the token, a 404 when hidden. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const access = metricsAccess(header, this.config.METRICS_TOKEN, this.config.NODE_ENV === 'production');
    if (access === 'hidden') throw new DomainError('NOT_FOUND', 'Not found.');
    if (access === 'unauthorized') throw new DomainError('UNAUTHORIZED', 'Scraping the metrics needs Authorization: Bearer <METRICS_TOKEN>.');
    return true;
  }
}
