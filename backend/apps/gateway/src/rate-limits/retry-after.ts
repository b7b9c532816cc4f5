import { DomainError } from '@seatstorm/errors';
import type { Response } from 'express';

/** Runs `work`; a RATE_LIMITED refusal also tells its wait in the Retry-After header (seconds), as HTTP clients expect it. */
export async function withRetryAfter<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const wait = error instanceof DomainError && error.code === 'RATE_LIMITED' ? retryAfterOf(error.details) : undefined;
    if (wait !== undefined) res.setHeader('Retry-After', String(wait));
    throw error;
  }
}

function retryAfterOf(details: unknown): number | undefined {
  return typeof details === 'object' && details !== null && 'retryAfterSeconds' in details && typeof details.retryAfterSeconds === 'number'
    ? details.retryAfterSeconds
    : undefined;
}
