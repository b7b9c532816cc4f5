import type { z } from 'zod';
import type { Topic } from '../topics';

/** One message kind on one topic: its schema, its schema version and its partition key. */
export interface MessageContract<T extends Topic = Topic, S extends z.ZodType = z.ZodType> {
  readonly topic: T;
  /** Bumped on an incompatible change; consumers read it from the `schema-version` header. */
  readonly version: number;
  readonly schema: S;
  /** The Kafka message key, so that everything about one key lands in one partition, in order. */
  readonly keyOf: (payload: z.output<S>) => string;
}

export function defineMessage<T extends Topic, S extends z.ZodType>(contract: MessageContract<T, S>): MessageContract<T, S> {
  return contract;
}
