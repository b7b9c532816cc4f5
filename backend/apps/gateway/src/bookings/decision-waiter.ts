import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topic, type BookingEvent } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';

/**
 * Lets a request wait for the decision of the command it sent. Every gateway
 * instance reads all of `Topic.BookingEvents` in a consumer group of its own, a
 * fetched batch at a time, and hands each event to whoever waits for its
 * command id; events nobody here waits for (other instances' commands) are
 * skipped before they are validated.
 */
@Injectable()
export class DecisionWaiter implements OnApplicationBootstrap {
  private readonly waiting = new Map<string, Set<(event: BookingEvent) => void>>();

  constructor(private readonly consumers: MessageConsumers) {}

  async onApplicationBootstrap(): Promise<void> {
    const options = { group: `gateway-decisions-${randomUUID().slice(0, 8)}`, fromBeginning: false, wants: (raw: unknown) => this.awaited(raw) };
    await this.consumers.consumeBatches(Topic.BookingEvents, options, async (messages) => {
      for (const { payload } of messages) {
        const resolvers = this.waiting.get(payload.commandId);
        if (!resolvers) continue;
        this.waiting.delete(payload.commandId);
        for (const resolve of resolvers) resolve(payload);
      }
    });
  }

  /**
   * Starts listening for `commandId` before the command is sent (call it
   * first), and resolves with its decision, or with undefined after `timeoutMs`.
   */
  expect(commandId: string, timeoutMs: number): Promise<BookingEvent | undefined> {
    return new Promise((resolve) => {
      const resolvers = this.waiting.get(commandId) ?? new Set();
      const done = (event: BookingEvent | undefined) => {
        clearTimeout(timer);
        resolvers.delete(done);
        if (resolvers.size === 0 && this.waiting.get(commandId) === resolvers) this.waiting.delete(commandId);
        resolve(event);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      resolvers.add(done);
      this.waiting.set(commandId, resolvers);
    });
  }

  /** Whether a consumed event, not validated yet, names a command someone here waits for. */
  private awaited(raw: unknown): boolean {
    const commandId = typeof raw === 'object' && raw !== null && 'commandId' in raw ? raw.commandId : undefined;
    return typeof commandId === 'string' && this.waiting.has(commandId);
  }
}
