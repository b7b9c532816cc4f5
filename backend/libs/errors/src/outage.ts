import { DomainError } from './domain-error';

/** Node's socket errors: the peer is away or went away. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/**
 * PostgreSQL's SQLSTATEs for a server that cannot serve now: class 08
 * (connection exception), admin or crash shutdown, starting up, too many
 * connections. Prisma's codes for the same: can't reach, timed out, closed.
 */
const POSTGRES_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** What node-postgres and ioredis say, without a code, when the connection is gone or never came. */
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection is closed/i,
  /reached the max retries per request limit/i,
  /stream isn't writeable/i,
  /server closed the connection unexpectedly/i,
];
const MAX_DEPTH = 5;

/**
 * A failure that is not the request's fault nor a bug: PostgreSQL or Redis
 * away or restarting, a connection cut. Answered 503 SERVICE_UNAVAILABLE (try
 * again) instead of 500, at every edge. Undefined for anything else. Looks
 * through the wrappers (Prisma's, a `cause`) down to the driver's error.
 */
export function outageOf(error: unknown): DomainError | undefined {
  return isOutage(error, 0)
    ? new DomainError('SERVICE_UNAVAILABLE', 'A service Seatstorm depends on is briefly unavailable. Please try again in a moment.')
    : undefined;
}

function isOutage(error: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, meta } = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_STATES.test(code) || PRISMA_CODES.has(code))) return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isOutage(cause, depth + 1) || isOutage(meta?.driverAdapterError, depth + 1);
}
