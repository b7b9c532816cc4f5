import { describe, expect, it } from 'vitest';
import { RpcPattern } from '../topics';
import { RPCS, rpcReplySchema } from './index';

describe('request-reply contracts', () => {
  it('registers one contract per pattern', () => {
    expect(Object.keys(RPCS).sort()).toEqual(Object.values(RpcPattern).sort());
  });

  it('accepts a success or a coded error as a reply, and nothing else', () => {
    const schema = rpcReplySchema(RPCS[RpcPattern.CatalogGetSeats].reply);
    expect(schema.safeParse({ ok: true, data: { eventId: 'evt_x', version: 0, cacheKey: 'seat-snapshot:evt_x' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { statusCode: 404, error: 'NOT_FOUND', message: 'Event evt_x was not found' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { statusCode: 500, error: 'OOPS', message: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ data: [] }).success).toBe(false);
  });
});
