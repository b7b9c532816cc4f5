import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceProcess } from './service-process';
import { testConfig } from './test-env';

const SHUTDOWN_TIMEOUT_MS = 2_000;

/**
 * A TCP relay to the machine's Redis that can go silent: connections stay
 * open and nothing comes back, as when Redis hangs or a network drops
 * packets. A client waiting for an answer then waits for good.
 */
class SilenceableRelay {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private silent = false;

  constructor(target: URL) {
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.on('data', (chunk) => this.silent || upstream.write(chunk));
      upstream.on('data', (chunk) => this.silent || client.write(chunk));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `redis://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  goSilent(): void {
    this.silent = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('a process asked to stop while what it closes does not answer', () => {
  const config = testConfig();
  const relay = new SilenceableRelay(new URL(config.REDIS_URL));
  let gateway: ServiceProcess;

  beforeAll(async () => {
    const redisUrl = await relay.listen();
    gateway = new ServiceProcess({ services: ['gateway'], config, env: { REDIS_URL: redisUrl, SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) } });
    await gateway.start();
  });

  afterAll(async () => {
    await gateway?.kill();
    await relay.close();
  });

  it('exits within SHUTDOWN_TIMEOUT_MS of SIGTERM, and says what it left', async () => {
    relay.goSilent();
    const asked = Date.now();
    // Given far longer than the bound before it is SIGKILLed: a stop that waits on Redis would take all of it.
    await gateway.stop(30_000);
    const tookMs = Date.now() - asked;

    expect(gateway.recentOutput()).toContain(`not stopped within ${SHUTDOWN_TIMEOUT_MS} ms`);
    expect(tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 5_000);
  });
});
