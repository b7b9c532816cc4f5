import { ContractViolation } from '@seatstorm/contracts';
import { DomainError } from './domain-error';
import { outageOf } from './outage';

/** What a person reads for an error that is a bug of ours, at every edge alike. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * How an edge (REST, socket ack, request-reply) answers an error, in one
 * place: a DomainError as it is; a broken contract as VALIDATION_FAILED; a
 * dependency that is away as SERVICE_UNAVAILABLE (`outage`: worth a warning);
 * anything else as INTERNAL_ERROR without internals (`bug`: the edge logs the
 * cause, under the request's correlation id).
 */
export function errorAnswerOf(error: unknown): { answer: DomainError; kind: 'expected' | 'outage' | 'bug' } {
  if (error instanceof DomainError) return { answer: error, kind: 'expected' };
  if (error instanceof ContractViolation) return { answer: new DomainError('VALIDATION_FAILED', error.message, error.issues), kind: 'expected' };
  const outage = outageOf(error);
  if (outage) return { answer: outage, kind: 'outage' };
  return { answer: new DomainError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE), kind: 'bug' };
}
