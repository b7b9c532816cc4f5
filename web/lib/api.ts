import { errorBodySchema, eventSummarySchema, type ErrorCode, type EventSummary } from '@seatstorm/contracts';
import { gatewayUrl } from './config';

/** A gateway error answer (`{statusCode, error, message, details?}`), typed by its stable code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

/** The gateway did not answer at all: refused, reset, DNS failure or timeout. */
export class GatewayUnreachableError extends Error {
  override readonly name = 'GatewayUnreachableError';
}

/** The gateway answered 2xx with a body that does not match the contract. */
export class InvalidResponseError extends Error {
  override readonly name = 'InvalidResponseError';
}

/** True when retrying later is the right answer: nobody answered, or the gateway said it is unavailable. */
export function isGatewayUnavailable(error: unknown): boolean {
  return (
    error instanceof GatewayUnreachableError ||
    (error instanceof ApiError && (error.code === 'SERVICE_UNAVAILABLE' || error.status === 502 || error.status === 504))
  );
}

interface Parser<T> {
  parse(data: unknown): T;
}

const REQUEST_TIMEOUT_MS = 5_000;

// For answers without a contract error body (a proxy's HTML page, an empty 502).
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'SERVICE_UNAVAILABLE';
    default:
      return 'INTERNAL_ERROR';
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function getJson<T>(path: string, parser: Parser<T>): Promise<T> {
  const url = `${gatewayUrl()}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      // Availability changes every second: never serve it from a cache.
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new GatewayUnreachableError(`GET ${url} failed: the gateway did not answer`, { cause });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    if (parsed.success) {
      const { statusCode, error, message, details, correlationId } = parsed.data;
      throw new ApiError(statusCode, error, message, details, correlationId);
    }
    throw new ApiError(response.status, codeForStatus(response.status), `GET ${path} answered ${response.status}`);
  }

  try {
    return parser.parse(body);
  } catch (cause) {
    throw new InvalidResponseError(`GET ${path} answered a body that does not match the contract`, { cause });
  }
}

const eventSummaryListSchema = eventSummarySchema.array();

/** GET /events: every event with live availability counts. */
export function listEvents(): Promise<EventSummary[]> {
  return getJson('/events', eventSummaryListSchema);
}
