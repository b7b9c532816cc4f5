import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { deploymentOf } from '@seatstorm/kafka';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';
import { Budget, type BudgetOptions } from './budget';

/** Makes the gateway's budgets, each on the process's Redis connection. */
@Injectable()
export class Budgets {
  private readonly scope: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {
    // Counted per deployment, as the socket adapter's channels are: a test run beside a
    // running stack must neither spend nor inherit the other's counts from the same 127.0.0.1.
    this.scope = deploymentOf(config);
  }

  /** A budget named `name` (e.g. `hold:user`); instances and gateways asking for one name share its counts. */
  create(name: string, options: BudgetOptions): Budget {
    return new Budget(this.redis, `${this.scope}:${name}`, options);
  }
}
