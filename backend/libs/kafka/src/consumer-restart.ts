import type { Logger } from '@nestjs/common';
import type { Consumer } from 'kafkajs';

/** How long a consumer that kafkajs gave up on waits before it is started again. */
export const RESTART_DELAY_MS = 1_000;

export interface RestartPlan {
  /** Connects the consumer and runs it again (it resumes from its group's committed offsets). */
  resume(): Promise<void>;
  /** True once the owner is shutting down: a crash then is left alone. */
  stopping(): boolean;
  logger: Logger;
  /** Named in the logs: the topic, or the request-reply client or server. */
  what: Record<string, unknown>;
}

/**
 * kafkajs restarts a crashed consumer only after errors it deems retriable;
 * after any other (a member the group dropped across a broker restart or
 * while a batch ran long, a handler's non-retriable error) it disconnects the
 * consumer and leaves it so, and the process goes on alive with nothing
 * consuming: holds would wait forever, request-reply would time out forever.
 * Every consumer here, Nest's request-reply ones included, is started again
 * by `plan.resume` until its owner stops, every RESTART_DELAY_MS while that fails.
 */
export function restartWhenGivenUp(consumer: Consumer, plan: RestartPlan): void {
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (payload.restart || plan.stopping()) return;
    plan.logger.error(
      { ...plan.what, groupId: payload.groupId, err: payload.error.message },
      'consumer stopped on an error kafkajs does not retry; starting it again',
    );
    const restart = async (): Promise<void> => {
      if (plan.stopping()) return;
      try {
        await plan.resume();
      } catch (error) {
        plan.logger.warn({ ...plan.what, err: String(error) }, 'could not start the consumer again; trying again');
        setTimeout(() => void restart(), RESTART_DELAY_MS);
      }
    };
    setTimeout(() => void restart(), RESTART_DELAY_MS);
  });
}
