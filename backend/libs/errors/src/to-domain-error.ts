import { ContractViolation } from '@seatstorm/contracts';
import { DomainError } from './domain-error';
import { outageOf } from './outage';

/** What a person reads for an error that is a bug of ours, at every edge alike. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * What kind of failure a thrown error was, for the edge's log: `expected` (a
 * refusal the caller can act on: nothing to log), `outage` (a dependency away:
 * worth a warning) or `bug` (logged with its cause, under the request's
 * correlation id).
 */
export type ErrorClassification = 'expected' | 'outage' | 'bug';

/**
 * The domain error an edge (REST, socket ack, request-reply) sends for any
 * thrown error, in one place: a DomainError as it is; a broken contract as
 * VALIDATION_FAILED; a dependency that is away as SERVICE_UNAVAILABLE;
 * anything else as INTERNAL_ERROR without internals.
 */
export function toDomainError(error: unknown): { domainError: DomainError; classification: ErrorClassification } {
  if (error instanceof DomainError) return { domainError: error, classification: 'expected' };
  if (error instanceof ContractViolation) return { domainError: new DomainError('VALIDATION_FAILED', error.message, error.issues), classification: 'expected' };
  const outage = outageOf(error);
  if (outage) return { domainError: outage, classification: 'outage' };
  return { domainError: new DomainError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE), classification: 'bug' };
}
