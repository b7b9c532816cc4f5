import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ContractViolation, type ErrorBody } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';

const logger = new Logger('Socket');

/**
 * The one place socket acks are shaped: what `work` answers, or the error
 * body a REST call would get for the same failure (`{statusCode, error,
 * message, details?}` with a stable code). An unexpected error is logged
 * under a correlation id and answered INTERNAL_ERROR, without internals.
 */
export async function answer<T>(event: string, work: () => T | Promise<T>): Promise<T | ErrorBody> {
  try {
    return await work();
  } catch (error) {
    return toErrorBody(error, event);
  }
}

export function toErrorBody(error: unknown, event: string): ErrorBody {
  if (error instanceof DomainError) return error.toBody();
  if (error instanceof ContractViolation) return new DomainError('VALIDATION_FAILED', error.message, error.issues).toBody();
  const correlationId = randomUUID();
  logger.error({ err: error, event, correlationId }, 'socket handler failed');
  return new DomainError('INTERNAL_ERROR', 'Something went wrong on our side. Please try again.').toBody(correlationId);
}
