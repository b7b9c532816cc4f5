import type { AppConfig, ServiceName as AnyService } from '@seatstorm/config';
import { startAnalytics } from '../apps/analytics/src/main';
import { startAuth } from '../apps/auth/src/main';
import { startBooking } from '../apps/booking/src/main';
import { startNotification } from '../apps/notification/src/main';
import { startPayment } from '../apps/payment/src/main';
import { startCatalog } from '../apps/catalog/src/main';
import { startGateway } from '../apps/gateway/src/main';
import { testConfig } from './test-env';

export interface TestStack {
  config: AppConfig;
  /** The gateway's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Stops one service (as if its process went away) while the rest keep running. */
  stop(service: ServiceName): Promise<void>;
  /** Starts a stopped service again, with the same configuration and consumer groups. */
  start(service: ServiceName): Promise<void>;
  close(): Promise<void>;
}

/** Services a test stack can run beside the gateway (every one config knows); they start before it, as in main.ts. */
const SERVICE_STARTERS = {
  auth: startAuth,
  catalog: startCatalog,
  booking: startBooking,
  payment: startPayment,
  notification: startNotification,
  analytics: startAnalytics,
} as const satisfies Record<Exclude<AnyService, 'gateway'>, unknown>;
type ServiceName = keyof typeof SERVICE_STARTERS;
export type StackService = ServiceName | 'gateway';

/** Starts real services in this process against the real broker, database and Redis. */
export async function startStack(options: { services?: StackService[]; env?: Record<string, string> } = {}): Promise<TestStack> {
  const services = options.services ?? ['catalog', 'gateway'];
  const config = testConfig(options.env);
  const running = new Map<ServiceName, { close(): Promise<void> }>();
  const start = async (name: ServiceName) => {
    running.set(name, await SERVICE_STARTERS[name](config));
  };
  for (const name of services) if (name !== 'gateway') await start(name);
  const gateway = await startGateway(config);
  return {
    config,
    url: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'),
    start,
    async stop(name) {
      await running.get(name)?.close();
      running.delete(name);
    },
    async close() {
      await gateway.close();
      for (const app of [...running.values()].reverse()) await app.close();
    },
  };
}

/** GET a gateway path and return status, headers and parsed JSON. */
export async function getJson(url: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.json() };
}
