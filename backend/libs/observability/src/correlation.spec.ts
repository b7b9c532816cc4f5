import { describe, expect, it } from 'vitest';
import {
  CORRELATION_HEADER,
  correlationHeaders,
  correlationIdIn,
  correlationLogFields,
  currentCorrelationId,
  withCorrelation,
  withCorrelations,
} from './correlation';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('correlation ids', () => {
  it('follow the work they were entered for across awaits and timers, and not the work beside it', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const work = (id: string) =>
      withCorrelation(id, async () => {
        await tick();
        seen.push([id, currentCorrelationId()]);
        await new Promise<void>((resolve) => setImmediate(() => (seen.push([id, currentCorrelationId()]), resolve())));
      });
    await Promise.all([work('req-a'), work('req-b')]);
    expect(seen.every(([id, current]) => id === current)).toBe(true);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('are never taken from a message that carries none, nor from one that is not well-formed', () => {
    withCorrelation('outer', () => {
      expect(withCorrelation(undefined, currentCorrelationId)).toBeUndefined();
      expect(withCorrelation('two words', currentCorrelationId)).toBeUndefined();
    });
    expect(correlationIdIn({ [CORRELATION_HEADER]: Buffer.from('from-kafka') })).toBe('from-kafka');
    expect(correlationIdIn({ [CORRELATION_HEADER]: 'x'.repeat(129) })).toBeUndefined();
    expect(correlationHeaders(undefined)).toEqual({});
  });

  it('of a batch: one request when all its messages are one, none when they are several, while log lines name them all', () => {
    expect(withCorrelations(['a', 'a'], currentCorrelationId)).toBe('a');
    expect(withCorrelations(['a', 'b', 'a'], () => [currentCorrelationId(), correlationHeaders(), correlationLogFields()])).toEqual([
      undefined,
      {},
      { correlationIds: ['a', 'b'] },
    ]);
    // A message without an id beside one with: the batch is not that one request.
    expect(withCorrelations(['a', undefined], currentCorrelationId)).toBeUndefined();
    expect(withCorrelation('a', correlationLogFields)).toEqual({ correlationId: 'a' });
  });
});
