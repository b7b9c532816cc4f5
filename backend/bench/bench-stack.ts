import { loadConfig, type AppConfig, type ServiceName } from '@seatstorm/config';
import { kafkaIdOf } from '@seatstorm/kafka';
import { Pool } from 'pg';
import { prepare } from '../test/global-setup';
import { ServiceProcess } from '../test/service-process';
import { RELAXED_RATE_LIMITS, uniqueId } from '../test/test-env';
import { freePort, recreateDatabase } from './bench-setup';
import { startPrivateBroker, type PrivateBroker } from './private-broker';
import { log } from './report';

export interface BenchStackOptions {
  databaseUrl: string;
  /** LOG_LEVEL of the services. */
  logLevel: string;
  /** Write CPU profiles of the services (node --cpu-prof) here. */
  cpuProfDir?: string;
  /** Variables on top of the defaults, for every service process. */
  env?: Record<string, string>;
  echo?: boolean;
}

/**
 * The configuration a bench's services run with: its database, a gateway on
 * a free local port, Kafka client ids and consumer groups of their own, which
 * start at the bench's own messages rather than at a topic's history. Its
 * load generators hold and register from 127.0.0.1 with a few accounts, so the
 * rate limits are raised out of reach, and so is the per-buyer seat limit
 * (the bench's few thousand accounts stand in for an on-sale's hundreds of
 * thousands of buyers, and must be able to sell the stadium out): both are
 * still counted on every hold (what production pays), but never refuse one.
 */
export async function benchConfig(options: { databaseUrl: string; logLevel: string; brokers?: string[]; env?: Record<string, string> }): Promise<AppConfig> {
  return loadConfig({
    ...process.env,
    ...(options.brokers ? { KAFKA_BROKERS: options.brokers.join(',') } : {}),
    DATABASE_URL: options.databaseUrl,
    KAFKA_CLIENT_ID: uniqueId('bench'),
    KAFKA_AUTO_OFFSET_RESET: 'latest',
    LOG_LEVEL: options.logLevel,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(await freePort()),
    ...RELAXED_RATE_LIMITS,
    ...BENCH_BUYER_LIMIT,
    ...options.env,
  });
}

/** See benchConfig: counted, never reached. */
export const BENCH_BUYER_LIMIT = { MAX_SEATS_PER_BUYER: '1000000' } as const;

/** A service process of the stack, by the role the report names it by. */
export interface StackProcess {
  name: string;
  process: ServiceProcess;
}

/**
 * The whole Seatstorm stack as `npm start` runs it, but on a database and a
 * Kafka broker of the bench's own, and with the gateway and the booking
 * service each in a process of its own so their CPU is counted apart: the
 * gateway; the booking service; auth, catalog, payment and notification
 * together. Everything runs from `backend/dist`.
 */
export class BenchStack {
  private stopped?: Promise<void>;

  private constructor(
    readonly config: AppConfig,
    readonly db: Pool,
    readonly processes: StackProcess[],
    private readonly broker: PrivateBroker,
  ) {}

  /** Prepares the database (migrated, seeded) and starts the broker; the services start with `startServices`. */
  static async start(options: BenchStackOptions): Promise<BenchStack> {
    await recreateDatabase(options.databaseUrl);
    await prepare(options.databaseUrl);
    const broker = await startPrivateBroker({ broker: await freePort(), controller: await freePort() });
    const config = await benchConfig({ ...options, brokers: broker.brokers });
    const db = new Pool({ connectionString: options.databaseUrl, max: 4 });
    const processOf = (name: string, services: ServiceName[], groups: string[]): StackProcess => ({
      name,
      process: new ServiceProcess({
        services,
        config,
        groups,
        echo: options.echo,
        nodeArgs: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [],
      }),
    });
    const processes = [
      processOf('booking', ['booking'], [kafkaIdOf(config, 'booking')]),
      processOf('services', ['auth', 'catalog', 'payment', 'notification'], []),
      processOf('gateway', ['gateway'], []),
    ];
    return new BenchStack(config, db, processes, broker);
  }

  /** Starts the service processes (the database and the broker are up once `start` resolved). */
  async startServices(): Promise<void> {
    log('starting the booking service, the other services and the gateway from backend/dist…');
    for (const { process: service } of this.processes) await service.start();
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.config.GATEWAY_PORT}`;
  }

  get brokers(): string[] {
    return this.broker.brokers;
  }

  /** The processes whose CPU a measurement counts: the stack's and the broker's. */
  get measured(): Array<{ name: string; pid: number | undefined }> {
    return [...this.processes.map(({ name, process: service }) => ({ name, pid: service.pid })), { name: 'Kafka', pid: this.broker.pid }];
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await Promise.all(this.processes.map(({ process: service }) => service.stop()));
      await this.broker.stop();
      await this.db.end();
    })();
    return this.stopped;
  }
}
