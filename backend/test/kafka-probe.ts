import type { AppConfig } from '@seatstorm/config';
import type { Topic, TopicPayload } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { uniqueId } from './test-env';

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Watches what the services publish on one topic, from the moment it starts,
 * for tests to assert on. It has a consumer group of its own, so it sees every
 * message; it starts at the end of the topic (`fromBeginning: false`), and
 * `start` resolves only once the group has assigned it the partitions — a
 * consumer that has not joined yet misses what a test publishes meanwhile.
 */
export class KafkaProbe<T extends Topic> {
  private readonly received: Array<TopicPayload<T>> = [];
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly topic: T,
    private readonly consumers: MessageConsumers,
  ) {}

  static async start<T extends Topic>(config: AppConfig, topic: T): Promise<KafkaProbe<T>> {
    const consumers = new MessageConsumers(config, 'probe');
    const probe = new KafkaProbe(topic, consumers);
    await consumers.consume(topic, { group: uniqueId('probe'), fromBeginning: false }, async ({ payload }) => probe.receive(payload));
    return probe;
  }

  /** Every message received so far, oldest first (in partition order for messages with one key). */
  get messages(): ReadonlyArray<TopicPayload<T>> {
    return this.received;
  }

  /** The first message that matches, received already or within `timeoutMs`. */
  async waitFor(predicate: (payload: TopicPayload<T>) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TopicPayload<T>> {
    const [first] = await this.waitForCount(predicate, 1, timeoutMs);
    return first;
  }

  /** The first `count` messages that match, once that many have arrived; fails after `timeoutMs` saying how many did. */
  waitForCount(predicate: (payload: TopicPayload<T>) => boolean, count: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Array<TopicPayload<T>>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const matching = this.received.filter(predicate);
        if (matching.length < count) return;
        stop();
        resolve(matching.slice(0, count));
      };
      const timer = setTimeout(() => {
        stop();
        const found = this.received.filter(predicate).length;
        reject(new Error(`${this.topic}: ${found} of ${count} expected messages within ${timeoutMs} ms (${this.received.length} received in all)`));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    await this.consumers.beforeApplicationShutdown();
  }

  private receive(payload: TopicPayload<T>): void {
    this.received.push(payload);
    for (const listener of [...this.listeners]) listener();
  }
}
