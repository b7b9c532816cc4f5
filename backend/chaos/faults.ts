import { PROCESS_NAMES, type ChaosStack, type ProcessName } from './chaos-stack';

/**
 * One fault, in two halves: the damage, then what sets things going again
 * (a supervisor's restart). Recovery is measured from the moment the damage
 * is done, while the repair runs.
 */
export interface Fault {
  name: string;
  /** Resolves once the damage is done: the processes gone, the server down. */
  strike(stack: ChaosStack): Promise<void>;
  /** Resolves once what was struck runs again. */
  repair(stack: ChaosStack): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Processes SIGKILLed together (no shutdown hook, no offset commit,
 * transactions cut off) and started again at once. The full form kills each
 * alone; the short one kills several at once, so every process dies once in
 * fewer rounds of waiting for Kafka to drop the dead members.
 */
export const KILLS = {
  each: PROCESS_NAMES.map((name) => [name]),
  grouped: [['booking'], ['payment', 'notification'], ['auth', 'catalog', 'gateway-2'], ['gateway-1']],
} as const satisfies Record<string, ReadonlyArray<readonly ProcessName[]>>;

function processKills(groups: ReadonlyArray<readonly ProcessName[]>): Fault[] {
  return groups.map((names) => ({
    name: `SIGKILL ${names.join(' + ')}`,
    strike: async (stack) => {
      await Promise.all(names.map((name) => stack.kill(name)));
    },
    repair: async (stack) => {
      await Promise.all(names.map((name) => stack.restart(name)));
    },
  }));
}

/** The infrastructure stopped (for at least `outageMs`) and started again on the same port and data. */
function infrastructure(outageMs: number): Fault[] {
  return [
    {
      name: 'restart Kafka',
      strike: (stack) => stack.broker.halt('SIGTERM'),
      repair: (stack) => stack.broker.start(),
    },
    {
      name: 'restart Redis',
      strike: (stack) => stack.redis.kill(),
      repair: async (stack) => {
        await sleep(outageMs);
        await stack.redis.start();
      },
    },
    {
      name: 'restart PostgreSQL',
      strike: (stack) => stack.postgres.stopServer('immediate'),
      repair: async (stack) => {
        await sleep(outageMs);
        await stack.postgres.startServer();
      },
    },
  ];
}

/** Every service process killed, then the broker, Redis and PostgreSQL restarted; `rounds` times over. */
export function faultSchedule(rounds: number, kills: ReadonlyArray<readonly ProcessName[]>, outageMs: number): Fault[] {
  return Array.from({ length: rounds }, () => [...processKills(kills), ...infrastructure(outageMs)]).flat();
}
