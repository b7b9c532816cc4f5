import { ERROR_HTTP_STATUS, type ErrorBody, type ErrorCode } from '@seatstorm/contracts';

/**
 * The one error type domain code throws: a stable code from the contract, a
 * message a person can read, and optional details (e.g. the seats lost).
 * Each transport maps it once at its edge; domain code never throws HTTP errors.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get statusCode(): number {
    return ERROR_HTTP_STATUS[this.code];
  }

  toBody(correlationId?: string): ErrorBody {
    return {
      statusCode: this.statusCode,
      error: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(correlationId ? { correlationId } : {}),
    };
  }

  /** Rebuilds the error another service answered with, keeping its code and details. */
  static fromBody(body: ErrorBody): DomainError {
    return new DomainError(body.error, body.message, body.details);
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} was not found`);
