import { MESSAGES, parseContract, type Topic, type TopicPayload } from '@seatstorm/contracts';
import { correlationHeaders } from '@seatstorm/observability';

/** A message ready for the broker: what the outbox stores and the producer sends. */
export interface EncodedMessage {
  topic: Topic;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** A consumed message, validated against its topic's contract. */
export interface DecodedMessage<T extends Topic> {
  topic: T;
  payload: TopicPayload<T>;
  key: string | null;
  partition: number;
  offset: string;
  headers: Record<string, string>;
  /** Broker timestamp, milliseconds since the epoch. */
  timestamp: number;
}

export const SCHEMA_VERSION_HEADER = 'schema-version';

/**
 * The most bytes (key, value and headers) one message may carry. The broker
 * refuses a record batch over its message.max.bytes, 1 MiB by default; this
 * leaves room for the batch's and the records' own framing.
 */
export const MAX_MESSAGE_BYTES = 1_000_000;

/** What a message weighs against MAX_MESSAGE_BYTES. */
export function sizeOf(message: EncodedMessage): number {
  let bytes = Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers)) bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/**
 * Validates a payload against its topic's contract and encodes it with the
 * contract's key. The one way anything is written to a topic, so a producer
 * cannot send the wrong shape to the wrong topic. The message carries the
 * correlation id of the request being handled (correlation.ts), unless
 * `headers` name one of their own; encoded now and published later (the
 * outbox), it keeps it.
 */
export function encodeMessage<T extends Topic>(topic: T, payload: TopicPayload<T>, headers: Record<string, string> = {}): EncodedMessage {
  const contract = MESSAGES[topic];
  const valid = parseContract(contract.schema, payload, topic) as TopicPayload<T>;
  const keyOf = contract.keyOf as (message: TopicPayload<T>) => string;
  return {
    topic,
    key: keyOf(valid),
    value: JSON.stringify(valid),
    headers: { ...correlationHeaders(), ...headers, [SCHEMA_VERSION_HEADER]: String(contract.version) },
  };
}

/** Parses a consumed value as JSON (a SyntaxError when it is not), before it is validated. */
export function parseValue(value: Buffer | null): unknown {
  return value === null ? null : JSON.parse(value.toString('utf8'));
}

/** Validates a parsed value against its topic's contract; throws a ContractViolation naming the bad fields. */
export function validatePayload<T extends Topic>(topic: T, raw: unknown): TopicPayload<T> {
  return parseContract(MESSAGES[topic].schema, raw, topic) as TopicPayload<T>;
}
