import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig, type ServiceName } from '@seatstorm/config';
import { startAnalytics } from './apps/analytics/src/main';
import { startAuth } from './apps/auth/src/main';
import { startBooking } from './apps/booking/src/main';
import { startCatalog } from './apps/catalog/src/main';
import { startGateway } from './apps/gateway/src/main';
import { startNotification } from './apps/notification/src/main';
import { startPayment } from './apps/payment/src/main';
import { startOpsServer } from './ops-server';

interface Closable {
  close(): Promise<void>;
}

/**
 * One entry point for every topology: `SERVICES=gateway,catalog` runs those
 * services in this process (the default runs them all, as on a laptop or in
 * tests); a container runs one, e.g. `SERVICES=catalog`.
 */
const STARTERS: Record<(typeof SERVICE_ORDER)[number], (config: AppConfig) => Promise<Closable>> = {
  analytics: startAnalytics,
  auth: startAuth,
  booking: startBooking,
  catalog: startCatalog,
  gateway: startGateway,
  notification: startNotification,
  payment: startPayment,
};
// Services that answer requests start before the gateway that sends them.
const SERVICE_ORDER = ['auth', 'catalog', 'booking', 'payment', 'notification', 'analytics', 'gateway'] as const satisfies readonly ServiceName[];

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const started: Array<{ name: string; app: Closable }> = [];
  const wanted = SERVICE_ORDER.filter((name) => config.SERVICES.includes(name));
  for (const name of wanted) {
    started.push({ name, app: await STARTERS[name](config) });
  }
  if (config.OPS_PORT !== undefined) started.push({ name: 'ops', app: await startOpsServer(config, config.OPS_PORT) });
  const gateway = config.SERVICES.includes('gateway') ? ` · gateway on http://127.0.0.1:${config.GATEWAY_PORT}` : '';
  const ops = config.OPS_PORT === undefined ? '' : ` · health and metrics on port ${config.OPS_PORT}`;
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: `seatstorm ready: ${wanted.join(', ')}${gateway}${ops}` })}\n`);

  let stopping = false;
  const log = (level: string, msg: string) => process.stdout.write(`${JSON.stringify({ level, msg })}\n`);
  const stop = async (signal: string) => {
    if (stopping) {
      log('warn', `${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log('info', `${signal}: stopping ${wanted.join(', ')}`);
    // A close can wait on what is down (a broker, a Redis that stopped answering): the stop is bounded all the same.
    setTimeout(() => {
      log('warn', `not stopped within ${config.SHUTDOWN_TIMEOUT_MS} ms (SHUTDOWN_TIMEOUT_MS): exiting with what is left open`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    for (const { app } of started.reverse()) await app.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`seatstorm failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
