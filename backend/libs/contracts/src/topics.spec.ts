import { describe, expect, it } from 'vitest';
import { allTopicSpecs, replyTopicOf, RpcPattern, Topic, TOPIC_PARTITIONS } from './topics';

describe('topics', () => {
  it('provisions every event topic and every request-reply pair, once each', () => {
    const names = allTopicSpecs().map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    for (const topic of Object.values(Topic)) expect(names).toContain(topic);
    for (const pattern of Object.values(RpcPattern)) {
      expect(names).toContain(pattern);
      expect(names).toContain(`${pattern}.reply`);
    }
  });

  it('gives the per-event ordered topics 12 partitions (docs/architecture.md §6)', () => {
    expect(TOPIC_PARTITIONS[Topic.BookingCommands]).toBe(12);
    expect(TOPIC_PARTITIONS[Topic.SeatUpdated]).toBe(12);
  });

  it('keeps passwords and tokens on the broker for minutes, not days', () => {
    const specs = new Map(allTopicSpecs().map((spec) => [spec.name, spec]));
    for (const name of ['auth.register', 'auth.register.reply', 'auth.login', 'auth.login.reply']) {
      expect(specs.get(name)?.configs).toMatchObject({ 'retention.ms': '60000', 'segment.ms': '60000' });
    }
    expect(specs.get('auth.login.reply')?.configs?.['max.message.bytes']).toBeDefined();
    expect(specs.get('catalog.get-seats')?.configs).toBeUndefined();
  });

  it('follows the request-reply naming of @nestjs/microservices', () => {
    expect(replyTopicOf(RpcPattern.CatalogGetSeats)).toBe('catalog.get-seats.reply');
  });
});
