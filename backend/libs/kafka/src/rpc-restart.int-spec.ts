import { Logger } from '@nestjs/common';
import type { ClientKafka } from '@nestjs/microservices';
import { RpcPattern } from '@seatstorm/contracts';
import { KafkaJSNonRetriableError, type EachMessagePayload } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/eventually';
import { testConfig, uniqueId } from '../../../test/test-env';
import { RpcClient } from './rpc-client';
import { DeploymentKafkaServer, rpcServerOptions } from './rpc-server';

/** What kafkajs leaves a consumer stopped after, with no restart of its own (a member the group dropped across a broker restart). */
const givenUp = () => new KafkaJSNonRetriableError('the group no longer knows this member');

/**
 * Request-reply over a real broker, when kafkajs gives up on one of its two
 * consumers: the service's request consumer, or the caller's reply consumer.
 * Without a restart of Seatstorm's own, every later request would time out
 * for as long as the process lives.
 */
describe('request-reply after kafkajs gives up on a consumer', () => {
  Logger.overrideLogger(false);
  const config = testConfig({ RPC_TIMEOUT_MS: '3000' });
  const userId = uniqueId('usr');
  const teardown: Array<() => Promise<void>> = [];

  afterEach(async () => {
    while (teardown.length > 0) await teardown.pop()?.();
  });

  /** A notification service answering every list with no notifications, counting what it handled. */
  async function startServer(failFirst: boolean) {
    const server = rpcServerOptions(config, uniqueId('rpc-restart')).strategy as DeploymentKafkaServer;
    const seen = { handled: 0, failed: 0 };
    const handle = server.handleMessage.bind(server);
    server.handleMessage = async (payload: EachMessagePayload) => {
      if (failFirst && seen.failed === 0) {
        seen.failed += 1;
        throw givenUp();
      }
      seen.handled += 1;
      return handle(payload);
    };
    server.addHandler(RpcPattern.NotificationList, async () => ({ ok: true, data: [] }), false);
    await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
    teardown.push(() => server.close());
    return seen;
  }

  async function startClient(failFirst: boolean) {
    const rpc = new RpcClient(config, [RpcPattern.NotificationList]);
    const client = (rpc as unknown as { client: ClientKafka }).client;
    const seen = { failed: 0 };
    const respond = client.createResponseCallback.bind(client);
    client.createResponseCallback = () => {
      const callback = respond();
      return async (payload: EachMessagePayload) => {
        if (failFirst && seen.failed === 0) {
          seen.failed += 1;
          throw givenUp();
        }
        return callback(payload);
      };
    };
    await rpc.onModuleInit();
    teardown.push(() => rpc.onApplicationShutdown());
    return { rpc, seen };
  }

  /** Asks until an answer comes, as a client retries a 503. */
  async function answered(rpc: RpcClient): Promise<unknown> {
    return eventually(
      () => rpc.request(RpcPattern.NotificationList, { userId }).catch((error: unknown) => (error instanceof Error ? error.message : error)),
      (reply) => Array.isArray(reply),
      45_000,
    );
  }

  it('the service starts its request consumer again, and answers', async () => {
    const server = await startServer(true);
    const { rpc } = await startClient(false);

    expect(await answered(rpc)).toEqual([]);
    expect(server.failed).toBe(1);
    // Answered again and again afterwards, not once by luck.
    for (let i = 0; i < 3; i += 1) expect(await rpc.request(RpcPattern.NotificationList, { userId })).toEqual([]);
  });

  it('the caller starts its reply consumer again, and gets its answers', async () => {
    const server = await startServer(false);
    const { rpc, seen } = await startClient(true);

    expect(await answered(rpc)).toEqual([]);
    expect(seen.failed).toBe(1);
    for (let i = 0; i < 3; i += 1) expect(await rpc.request(RpcPattern.NotificationList, { userId })).toEqual([]);
    expect(server.handled).toBeGreaterThanOrEqual(4);
  });
});
