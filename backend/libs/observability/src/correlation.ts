import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

// WARNING: on the wire: the HTTP request and response header, and a header of every Kafka message.
export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** A log line of work done for many requests at once names at most this many of them. */
const MAX_IDS_LOGGED = 20;

/**
 * What is being worked on: one request (an HTTP request, a socket message,
 * or a Kafka message that carries its id), or a batch of several requests'
 * messages decided together.
 */
interface Correlation {
  id?: string;
  ids?: readonly string[];
}

/**
 * One id follows a request from the HTTP request or socket message that
 * started it, through every Kafka message produced on its behalf (the header
 * CORRELATION_HEADER), to every log line written while handling it, in
 * whichever service. Producers stamp the current id (message-codec.ts);
 * consumers run each message's handler inside its id (withCorrelation); the
 * logger adds it to every line (correlationLogFields).
 */
const storage = new AsyncLocalStorage<Correlation>();

export function isCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID_PATTERN.test(value);
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Runs `work` as part of the request `id`; without one (a message nobody stamped), outside any request. */
export function withCorrelation<T>(id: string | undefined, work: () => T): T {
  return storage.run(isCorrelationId(id) ? { id } : {}, work);
}

/**
 * Runs `work` for the requests `ids` at once (a batch of commands decided in
 * one transaction): as that request when they are all one (or all none), else as none of
 * them, so nothing produced meanwhile is stamped with another request's id
 * (stamp such messages explicitly, with correlationHeaders), while log lines
 * name them all.
 */
export function withCorrelations<T>(ids: ReadonlyArray<string | undefined>, work: () => T): T {
  const distinct = [...new Set(ids.map((id) => (isCorrelationId(id) ? id : undefined)))];
  if (distinct.length <= 1) return withCorrelation(distinct[0], work);
  return storage.run({ ids: distinct.filter(isCorrelationId) }, work);
}

/** The request being worked on, if it is one. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.id;
}

/** The header that carries `id` (the current request's by default) on a Kafka message; none without an id. */
export function correlationHeaders(id: string | undefined = currentCorrelationId()): Record<string, string> {
  return isCorrelationId(id) ? { [CORRELATION_HEADER]: id } : {};
}

/** The correlation id a Kafka message's (or an HTTP request's) headers carry, if well-formed. */
export function correlationIdIn(headers: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = headers?.[CORRELATION_HEADER];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  const text = Buffer.isBuffer(first) ? first.toString('utf8') : first;
  return isCorrelationId(text) ? text : undefined;
}

/** What every log line says of the work it was written for: `correlationId`, or `correlationIds` for a batch. */
export function correlationLogFields(): { correlationId?: string; correlationIds?: string[] } {
  const current = storage.getStore();
  if (current?.id) return { correlationId: current.id };
  if (current?.ids?.length) return { correlationIds: current.ids.slice(0, MAX_IDS_LOGGED) };
  return {};
}
