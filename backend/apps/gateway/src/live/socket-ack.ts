import { Logger } from '@nestjs/common';
import type { ErrorBody } from '@seatstorm/contracts';
import { toDomainError } from '@seatstorm/errors';
import { currentCorrelationId, newCorrelationId, withCorrelation } from '@seatstorm/observability';

const logger = new Logger('Socket');

/**
 * The one place socket acks are shaped: what `work` answers, or the error
 * body a REST call would get for the same failure (`{statusCode, error,
 * message, details?}` with a stable code). A dependency that is away is
 * answered SERVICE_UNAVAILABLE; any other unexpected error is logged under a
 * correlation id and answered INTERNAL_ERROR, without internals. Each
 * message is handled as a request of its own, under a correlation id of its
 * own (correlation.ts), which the Kafka messages it causes carry.
 */
export function ackOf<T>(event: string, work: () => T | Promise<T>): Promise<T | ErrorBody> {
  return withCorrelation(newCorrelationId(), async () => {
    try {
      return await work();
    } catch (error) {
      return toErrorBody(error, event);
    }
  });
}

export function toErrorBody(error: unknown, event: string): ErrorBody {
  const { domainError, classification } = toDomainError(error);
  if (classification !== 'bug') return domainError.toBody();
  const correlationId = currentCorrelationId() ?? newCorrelationId();
  logger.error({ err: error, event, correlationId }, 'socket handler failed');
  return domainError.toBody(correlationId);
}
