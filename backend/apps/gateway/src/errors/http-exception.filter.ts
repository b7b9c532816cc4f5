import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@seatstorm/contracts';
import { DomainError, toDomainError } from '@seatstorm/errors';
import type { Request, Response } from 'express';

/** Nest's own HTTP exceptions (unknown route, malformed JSON, payload too large…) mapped to contract codes. */
const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHORIZED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'VALIDATION_FAILED',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'VALIDATION_FAILED',
  [HttpStatus.TOO_MANY_REQUESTS]: 'RATE_LIMITED',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

/**
 * The one place REST errors are shaped: `{statusCode, error, message, details?,
 * correlationId}` with a stable code. A dependency that is away (PostgreSQL
 * or Redis restarting) is a 503 SERVICE_UNAVAILABLE, to be tried again. A 500
 * never carries a stack trace or SQL; its cause goes to the log under the
 * same correlation id.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const body = this.toBody(exception, req);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, req: Request & { id?: string }): ErrorBody {
    const correlationId = req.id;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = HTTP_STATUS_CODES[status];
      if (code) {
        const message = status === HttpStatus.NOT_FOUND ? `No route ${req.method} ${req.path}` : exception.message;
        return { ...new DomainError(code, message).toBody(correlationId), statusCode: status };
      }
    }
    const refused = clientErrorOf(exception);
    if (refused) {
      const code = HTTP_STATUS_CODES[refused.status] ?? 'VALIDATION_FAILED';
      const message = refused.status === HttpStatus.PAYLOAD_TOO_LARGE ? 'The request body is larger than the gateway accepts.' : refused.message;
      return { ...new DomainError(code, message).toBody(correlationId), statusCode: refused.status };
    }
    const { domainError, classification } = toDomainError(exception);
    if (classification === 'outage')
      this.logger.warn({ err: String(exception), correlationId, method: req.method, url: req.url }, 'a dependency is unreachable');
    if (classification === 'bug') this.logger.error({ err: exception, correlationId, method: req.method, url: req.url }, 'unhandled error');
    return domainError.toBody(correlationId);
  }
}

/**
 * A client error raised before any handler ran, by Express's body parser (a
 * body over its limit, JSON that does not parse, a charset it cannot read):
 * an `http-errors` error with a 4xx `status` whose message is meant for the
 * client (`expose`).
 */
function clientErrorOf(exception: unknown): { status: number; message: string } | undefined {
  if (!(exception instanceof Error) || !('status' in exception) || !('expose' in exception)) return undefined;
  const { status, expose } = exception as Error & { status: unknown; expose: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return undefined;
  return { status, message: exception.message };
}
