import type { AppConfig } from '@seatstorm/config';
import { startCatalog } from '../apps/catalog/src/main';
import { startGateway } from '../apps/gateway/src/main';
import { testConfig } from './test-env';

export interface TestStack {
  config: AppConfig;
  /** The gateway's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** Starts real services in this process against the real broker, database and Redis. */
export async function startStack(options: { services?: Array<'catalog' | 'gateway'>; env?: Record<string, string> } = {}): Promise<TestStack> {
  const services = options.services ?? ['catalog', 'gateway'];
  const config = testConfig(options.env);
  const catalog = services.includes('catalog') ? await startCatalog(config) : undefined;
  const gateway = await startGateway(config);
  return {
    config,
    url: (await gateway.getUrl()).replace('[::1]', '127.0.0.1'),
    async close() {
      await gateway.close();
      await catalog?.close();
    },
  };
}

/** GET a gateway path and return status, headers and parsed JSON. */
export async function getJson(url: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: await response.json() };
}
