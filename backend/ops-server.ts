import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import type { HealthReport, Liveness } from '@seatstorm/contracts';
import { DomainError, INTERNAL_ERROR_MESSAGE } from '@seatstorm/errors';
import { KafkaHealth } from '@seatstorm/kafka';
import { checkDependencies, metricsAccess, metricsRegistry } from '@seatstorm/observability';
import { Redis } from 'ioredis';
import { Pool } from 'pg';

export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * GET /health, /health/live and /metrics on a port of the process's own
 * (OPS_PORT), whatever services it runs: a booking, payment or notification
 * process has no HTTP of its own, and one service per container must still be
 * scraped and probed. The same answers as the gateway's: readiness of
 * PostgreSQL, Kafka and Redis (200, or 503 naming what is down), and this
 * process's metrics behind METRICS_TOKEN.
 */
export async function startOpsServer(config: AppConfig, port: number): Promise<OpsServer> {
  const logger = new Logger('Ops');
  const production = config.NODE_ENV === 'production';
  const database = new Pool({ connectionString: config.DATABASE_URL, max: 1 });
  database.on('error', () => undefined);
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectionName: 'ops-health' });
  redis.on('error', () => undefined);
  const kafka = new KafkaHealth(config);

  const health = (): Promise<HealthReport> =>
    checkDependencies(
      { kafka: () => kafka.ping(), postgres: () => database.query('SELECT 1'), redis: () => redis.ping() },
      { production, onFailure: (dependency, error) => logger.warn({ dependency, error }, 'health check failed') },
    );

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    '/health': async (_req, res) => {
      const report = await health();
      json(res, report.status === 'ok' ? 200 : 503, report);
    },
    '/health/live': async (_req, res) => json(res, 200, { status: 'ok' } satisfies Liveness),
    '/metrics': async (req, res) => {
      const access = metricsAccess(req.headers.authorization, config.METRICS_TOKEN, production);
      if (access === 'hidden') return refuse(res, new DomainError('NOT_FOUND', 'Not found.'));
      if (access === 'unauthorized') return refuse(res, new DomainError('UNAUTHORIZED', 'Scraping the metrics needs Authorization: Bearer <METRICS_TOKEN>.'));
      res.writeHead(200, { 'content-type': metricsRegistry.contentType });
      res.end(await metricsRegistry.metrics());
    },
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://ops').pathname;
    const route = req.method === 'GET' ? routes[path] : undefined;
    if (!route) return refuse(res, new DomainError('NOT_FOUND', `No route ${req.method} ${path}`));
    route(req, res).catch((error: unknown) => {
      logger.error({ err: String(error), path }, 'ops request failed');
      if (!res.headersSent) refuse(res, new DomainError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.OPS_HOST, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
      await Promise.all([database.end(), kafka.onApplicationShutdown()]);
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** An error answered with the contract's body, at the status the contracts give its code. */
function refuse(res: ServerResponse, error: DomainError): void {
  json(res, error.statusCode, error.toBody());
}
