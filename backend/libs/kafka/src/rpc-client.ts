import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { parseContract, replyTopicOf, rpcReplySchema, RPCS, type RpcPattern, type RpcRequest, type RpcResult } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { correlationHeaders, currentCorrelationId, metricsRegistry } from '@seatstorm/observability';
import { Counter } from 'prom-client';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { trackConsumerLag } from './consumer-lag';
import { restartWhenGivenUp } from './consumer-restart';
import { kafkaIdOf, kafkaClientConfig, RPC_CONSUMER_SETTINGS, PRODUCER_SETTINGS } from './kafka-options';
import { DEPLOYMENT_HEADER, deploymentOf } from './deployment';

export const RPC_PATTERNS = Symbol('RPC_PATTERNS');

export const rpcTimeouts = new Counter({
  name: 'seatstorm_rpc_timeouts_total',
  help: 'Requests to a service that got no reply within their timeout (answered 503 SERVICE_UNAVAILABLE), by pattern.',
  labelNames: ['pattern'] as const,
  registers: [metricsRegistry],
});

const ASSIGNMENT_WAIT_MS = 30_000;

/**
 * A client's name, which is also its consumer group's: the services its
 * patterns address (`catalog`, `auth-catalog`) and a digest of the patterns
 * themselves. Members of one group must subscribe alike, so two clients for
 * one service that ask for different patterns must not share a group.
 */
function clientNameOf(patterns: readonly RpcPattern[]): string {
  const services = [...new Set(patterns.map((pattern) => pattern.split('.')[0]))].sort().join('-');
  const digest = createHash('sha256')
    .update([...patterns].sort().join(','))
    .digest('hex')
    .slice(0, 8);
  return `gateway-rpc-${services}-${digest}`;
}

/** Nest's Kafka client, whose reply consumer is started again when kafkajs gives up on it (consumer-restart.ts). */
class RestartingClientKafka extends ClientKafka {
  private closing = false;

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this._consumer;
    if (!consumer) return;
    restartWhenGivenUp(consumer, {
      resume: async () => {
        await consumer.connect();
        await this.bindTopics();
      },
      stopping: () => this.closing,
      logger: this.logger,
      what: { client: this.groupId },
    });
  }

  override async close(): Promise<void> {
    this.closing = true;
    await super.close();
  }
}

/**
 * Typed request-reply over Kafka. Requests are validated before they leave,
 * replies are validated when they arrive, and a domain error answered by the
 * other side is rethrown here with its code.
 */
@Injectable()
export class RpcClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RpcClient.name);
  private readonly client: RestartingClientKafka;
  private untrackLag?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RPC_PATTERNS) private readonly patterns: readonly RpcPattern[],
  ) {
    this.client = new RestartingClientKafka({
      client: kafkaClientConfig(config, clientNameOf(patterns)),
      // The same client of every gateway instance joins one group; each owns
      // some reply partitions and asks for its replies there (the header
      // `kafka_replyPartition`). Clients for other patterns form other groups,
      // so their subscriptions never rebalance each other.
      consumer: { groupId: kafkaIdOf(config, clientNameOf(patterns)), ...RPC_CONSUMER_SETTINGS },
      producer: PRODUCER_SETTINGS,
      postfixId: '',
    });
  }

  async onModuleInit(): Promise<void> {
    for (const pattern of this.patterns) this.client.subscribeToResponseOf(pattern);
    await this.client.connect();
    this.untrackLag = trackConsumerLag(this.config, kafkaIdOf(this.config, clientNameOf(this.patterns)), this.patterns.map(replyTopicOf));
    await this.waitForReplyPartitions();
  }

  async onApplicationShutdown(): Promise<void> {
    this.untrackLag?.();
    await this.client.close();
  }

  async request<P extends RpcPattern>(pattern: P, payload: RpcRequest<P>, correlationId?: string): Promise<RpcResult<P>> {
    const contract = RPCS[pattern];
    const request = parseContract(contract.request, payload, `${pattern} request`);
    // Wrapped in an envelope: a payload with its own `key` or `value` field
    // would otherwise be taken as the Kafka message itself.
    const message = {
      value: request,
      headers: { [DEPLOYMENT_HEADER]: deploymentOf(this.config), ...correlationHeaders(correlationId ?? currentCorrelationId()) },
    };
    let raw: unknown;
    try {
      raw = await firstValueFrom(this.client.send(pattern, message).pipe(timeout(contract.timeoutMs ?? this.config.RPC_TIMEOUT_MS)));
    } catch (error) {
      if (error instanceof TimeoutError) {
        rpcTimeouts.inc({ pattern });
        throw new DomainError('SERVICE_UNAVAILABLE', `The ${pattern.split('.')[0]} service did not answer in time.`);
      }
      throw error;
    }
    const reply = parseContract(rpcReplySchema(contract.reply), raw, `${pattern} reply`);
    if (!reply.ok) throw DomainError.fromBody(reply.error);
    return reply.data as RpcResult<P>;
  }

  /** Replies can only be routed once the group has given this instance its reply partitions. */
  private async waitForReplyPartitions(): Promise<void> {
    const wanted = this.patterns.map(replyTopicOf);
    const deadline = Date.now() + ASSIGNMENT_WAIT_MS;
    while (Date.now() < deadline) {
      const assigned = this.client.getConsumerAssignments();
      if (wanted.every((topic) => assigned[topic] !== undefined)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.logger.warn({ wanted }, 'reply partitions not assigned yet; requests will fail until they are');
  }
}
