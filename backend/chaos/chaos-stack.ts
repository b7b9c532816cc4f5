import { loadConfig, type AppConfig, type ServiceName } from '@seatstorm/config';
import { Pool } from 'pg';
import { freePort } from '../bench/bench-setup';
import { startPrivateBroker, type PrivateBroker } from '../bench/private-broker';
import { prepareDatabase } from '../test/global-setup';
import { ServiceProcess } from '../test/service-process';
import { RELAXED_RATE_LIMITS } from '../test/test-env';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { startPrivateRedis, type PrivateRedis } from './private-redis';

/** The stack's processes, each a Node process of its own; two gateways share one Kafka group and one Redis adapter. */
export const PROCESS_NAMES = ['auth', 'catalog', 'booking', 'payment', 'notification', 'gateway-1', 'gateway-2'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];
const GATEWAYS = ['gateway-1', 'gateway-2'] as const satisfies readonly ProcessName[];

const DATABASE = 'seatstorm_chaos';
/** A Nest process boots in seconds, but on a busy 2-core machine seven of them starting at once can take a minute. */
const READY_TIMEOUT_MS = 180_000;
const SUPERVISE_INTERVAL_MS = 500;

export interface ChaosStackOptions {
  /** HOLD_TTL: holds nobody pays for come back on sale within the run. */
  holdTtl: string;
  /** WAITING_ROOM_PASS_TTL: passes run out within the run, and buyers queue again. */
  passTtl: string;
  logLevel: string;
  /** Echo the services' output. */
  echo: boolean;
}

/**
 * Seatstorm as production runs it, one process per service and two gateways,
 * over a PostgreSQL, a Redis and a Kafka broker of the run's own (never the
 * machine's shared ones, which other people's tests use): everything here may
 * be killed and restarted.
 */
export class ChaosStack {
  /** Processes that ended without being killed by a fault: when, and what they said last. */
  readonly exits: Array<{ name: ProcessName; at: number; output: string }> = [];
  private readonly restarting = new Set<ProcessName>();
  private supervisor?: NodeJS.Timeout;

  private constructor(
    readonly config: AppConfig,
    readonly db: Pool,
    readonly postgres: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly broker: PrivateBroker,
    private readonly processes: ReadonlyMap<ProcessName, ServiceProcess>,
    readonly gatewayUrls: readonly string[],
  ) {}

  /** Starts the infrastructure, migrates the database, builds the code, and starts every process. */
  static async start(options: ChaosStackOptions, log: (line: string) => void): Promise<ChaosStack> {
    const [pgPort, redisPort, brokerPort, controllerPort, ...gatewayPorts] = await Promise.all(Array.from({ length: 4 + GATEWAYS.length }, () => freePort()));
    log(`private PostgreSQL on ${pgPort}, Redis on ${redisPort}, Kafka on ${brokerPort}…`);
    const [postgres, redis, broker] = await Promise.all([
      startPrivatePostgres(pgPort!),
      startPrivateRedis(redisPort!),
      startPrivateBroker({ broker: brokerPort!, controller: controllerPort! }),
    ]);
    const databaseUrl = postgres.urlOf(DATABASE);
    log('migrating its database, building the services…');
    await prepareDatabase(databaseUrl, { seed: false });
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_CLIENT_ID: 'chaos',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: String(gatewayPorts[0]),
      LOG_LEVEL: options.logLevel,
      HOLD_TTL: options.holdTtl,
      WAITING_ROOM_PASS_TTL: options.passTtl,
      // A few hundred accounts buy a whole house from 127.0.0.1: limits are counted on every hold but never reached.
      ...RELAXED_RATE_LIMITS,
      MAX_SEATS_PER_BUYER: '1000000',
    });
    const processes = new Map<ProcessName, ServiceProcess>(
      PROCESS_NAMES.map((name) => {
        const gateway = GATEWAYS.indexOf(name as (typeof GATEWAYS)[number]);
        const services: ServiceName[] = [gateway >= 0 ? 'gateway' : (name as ServiceName)];
        const env: Record<string, string> = gateway >= 0 ? { GATEWAY_PORT: String(gatewayPorts[gateway]) } : {};
        return [name, new ServiceProcess({ services, config, env, echo: options.echo, readyTimeoutMs: READY_TIMEOUT_MS })];
      }),
    );
    const db = new Pool({ connectionString: databaseUrl, max: 4 });
    // The server is restarted under it: an idle connection that breaks is replaced, not an unhandled error.
    db.on('error', () => undefined);
    const stack = new ChaosStack(
      config,
      db,
      postgres,
      redis,
      broker,
      processes,
      gatewayPorts.map((port) => `http://127.0.0.1:${port}`),
    );
    log('starting auth, catalog, booking, payment, notification and two gateways, each a process of its own…');
    // The services the gateways call come up first, as in main.ts.
    await Promise.all(PROCESS_NAMES.filter((name) => !name.startsWith('gateway')).map((name) => stack.process(name).start()));
    await Promise.all(GATEWAYS.map((name) => stack.process(name).start()));
    return stack;
  }

  process(name: ProcessName): ServiceProcess {
    const found = this.processes.get(name);
    if (!found) throw new Error(`no process ${name}`);
    return found;
  }

  /** SIGKILL: resolves once the process is gone. The supervisor leaves it to `restart`. */
  async kill(name: ProcessName): Promise<void> {
    this.restarting.add(name);
    await this.process(name).kill();
  }

  /** Starts a killed process again, as a supervisor would; resolves once it is ready. */
  async restart(name: ProcessName): Promise<void> {
    try {
      await this.process(name).start();
    } finally {
      this.restarting.delete(name);
    }
  }

  /**
   * What docker-compose's `restart: unless-stopped` does: a process that ends
   * by itself (or failed to start again) is started again. Each such end is
   * recorded with the process's last output: the fault did not kill it.
   */
  supervise(): void {
    const running = new Set<ProcessName>(PROCESS_NAMES);
    this.supervisor = setInterval(() => {
      for (const name of PROCESS_NAMES) {
        if (this.restarting.has(name)) continue;
        if (this.process(name).running) {
          running.add(name);
          continue;
        }
        if (running.delete(name)) this.exits.push({ name, at: Date.now(), output: this.process(name).recentOutput() });
        this.restarting.add(name);
        void this.process(name)
          .start()
          .catch(() => undefined)
          .finally(() => this.restarting.delete(name));
      }
    }, SUPERVISE_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.supervisor);
    await Promise.all([...this.processes.values()].map((service) => service.stop()));
    await this.db.end().catch(() => undefined);
    await Promise.all([this.broker.stop(), this.redis.stop(), this.postgres.destroy()]);
  }
}
