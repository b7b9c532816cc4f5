import { z } from 'zod';
import { errorBodySchema } from '../errors';
import type { RpcPattern } from '../topics';

/** A request-reply pattern over Kafka: request and reply schemas. */
export interface RpcContract<P extends RpcPattern = RpcPattern, Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly pattern: P;
  readonly request: Req;
  readonly reply: Res;
  /** How long a caller waits for the answer, when the work may take longer than RPC_TIMEOUT_MS. */
  readonly timeoutMs?: number;
}

export function defineRpc<P extends RpcPattern, Req extends z.ZodType, Res extends z.ZodType>(contract: RpcContract<P, Req, Res>): RpcContract<P, Req, Res> {
  return contract;
}

/** What travels back on `<pattern>.reply`: the result, or a domain error with its stable code. */
export function rpcReplySchema<Res extends z.ZodType>(reply: Res) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data: reply }), z.object({ ok: z.literal(false), error: errorBodySchema })]);
}
export type RpcReply<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof errorBodySchema> };
