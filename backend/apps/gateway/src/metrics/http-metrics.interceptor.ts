import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { httpRequestDuration } from '@seatstorm/observability';
import type { Request, Response } from 'express';
import { finalize, type Observable } from 'rxjs';

/** Times every REST request by its route pattern (not its raw URL, which would explode the label set). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const end = httpRequestDuration.startTimer({ method: req.method, route: routeOf(req) });
    return next.handle().pipe(finalize(() => end({ status: String(res.statusCode) })));
  }
}

function routeOf(req: Request): string {
  const route: unknown = req.route;
  if (route && typeof route === 'object' && 'path' in route && typeof route.path === 'string') return route.path;
  return 'unmatched';
}
