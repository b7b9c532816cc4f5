import { applyDecorators, Injectable, Logger, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MessagePattern, ServerKafka, type CustomStrategy, type KafkaOptions } from '@nestjs/microservices';
import type { AppConfig } from '@seatstorm/config';
import type { RpcContract, RpcReply } from '@seatstorm/contracts';
import { toDomainError } from '@seatstorm/errors';
import { correlationHeaders, correlationIdIn, withCorrelation } from '@seatstorm/observability';
import type { Consumer, EachMessagePayload, Message, RecordMetadata } from 'kafkajs';
import { catchError, map, of, type Observable } from 'rxjs';
import { trackConsumerLag } from './consumer-lag';
import { restartWhenGivenUp } from './consumer-restart';
import { deploymentOf, isForeign } from './deployment';
import { kafkaIdOf, kafkaClientConfig, RPC_CONSUMER_SETTINGS, PRODUCER_SETTINGS, RPC_SEND_SETTINGS } from './kafka-options';

/**
 * Nest's Kafka server, answering only its own deployment's requests (or
 * requests that name none): see deployment.ts.
 */
export class DeploymentKafkaServer extends ServerKafka {
  private closing = false;
  private untrackLag?: () => void;

  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly deployment: string,
    /** Registers the request group and topics for the lag gauge (consumer-lag.ts); returns how to take them back. */
    private readonly trackLag?: (groupId: string, topics: string[]) => () => void,
  ) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    await super.bindEvents(consumer);
    this.untrackLag?.();
    this.untrackLag = this.trackLag?.(this.groupId, [...this.messageHandlers.keys()]);
  }

  /** A request consumer kafkajs gave up on is started again (consumer-restart.ts), or the service would stop answering. */
  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    if (!consumer) return;
    restartWhenGivenUp(consumer, {
      resume: async () => {
        await consumer.connect();
        await this.bindEvents(consumer);
      },
      stopping: () => this.closing,
      logger: this.logger,
      what: { server: this.groupId },
    });
  }

  override async close(): Promise<void> {
    this.closing = true;
    this.untrackLag?.();
    await super.close();
  }

  /** Each request is answered inside its correlation id (correlation.ts), so the handler's log lines name it. */
  override async handleMessage(payload: EachMessagePayload): Promise<unknown> {
    if (isForeign(payload.message.headers, this.deployment)) return undefined;
    return withCorrelation(correlationIdIn(payload.message.headers), () => super.handleMessage(payload));
  }

  /** The reply carries the request's correlation id too (Nest's own `kafka_correlationId` only pairs it with its request). */
  override assignCorrelationIdHeader(correlationId: string, outgoingMessage: Message): void {
    super.assignCorrelationIdHeader(correlationId, outgoingMessage);
    outgoingMessage.headers = { ...outgoingMessage.headers, ...correlationHeaders() };
  }

  /**
   * Nest sends a reply from a `process.nextTick` callback that nobody awaits:
   * a send that fails there (the broker away, a reply over the topic's size
   * limit) would be an unhandled rejection, which stops the whole process.
   * It is logged instead; the requester times out, as for any lost reply.
   */
  override async sendMessage(...args: Parameters<ServerKafka['sendMessage']>): Promise<RecordMetadata[]> {
    try {
      return await super.sendMessage(...args);
    } catch (error) {
      const [, replyTopic, , correlationId] = args;
      this.logger.error({ replyTopic, correlationId, err: error instanceof Error ? error.message : String(error) }, 'could not send a reply');
      return [];
    }
  }
}

/** The Kafka transport a request-reply service listens on; one consumer group per service. */
export function rpcServerOptions(config: AppConfig, service: string): CustomStrategy {
  return {
    strategy: new DeploymentKafkaServer(
      {
        client: kafkaClientConfig(config, service),
        // A group of its own: a service's event consumers must never share a
        // group with its request handlers, or partitions go to the wrong member.
        consumer: { groupId: kafkaIdOf(config, `${service}-rpc`), ...RPC_CONSUMER_SETTINGS },
        producer: PRODUCER_SETTINGS,
        // Requests on different partitions are independent; answer them in parallel.
        run: { partitionsConsumedConcurrently: 6 },
        send: RPC_SEND_SETTINGS,
        postfixId: '',
      },
      deploymentOf(config),
      (groupId, topics) => trackConsumerLag(config, groupId, topics),
    ),
  };
}

/**
 * Wraps every answer of a request-reply handler in the reply envelope of the
 * contract: `{ok: true, data}`, or `{ok: false, error}` as every edge answers
 * an error (toDomainError): a dependency that is away is logged as a warning,
 * anything else unexpected as an error, and answered INTERNAL_ERROR without
 * internals.
 */
@Injectable()
export class RpcReplyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<RpcReply<unknown>> {
    return next.handle().pipe(
      map((data: unknown): RpcReply<unknown> => ({ ok: true, data })),
      catchError((error: unknown) => of<RpcReply<unknown>>({ ok: false, error: this.toErrorBody(error, context) })),
    );
  }

  private toErrorBody(error: unknown, context: ExecutionContext) {
    const { domainError, classification } = toDomainError(error);
    if (classification === 'outage')
      this.logger.warn({ err: String(error), handler: context.getHandler().name }, 'request-reply handler could not reach a dependency');
    if (classification === 'bug') this.logger.error({ err: error, handler: context.getHandler().name }, 'request-reply handler failed');
    return domainError.toBody();
  }
}

/** Marks a method as the handler of one request-reply contract. */
export function RpcHandler(contract: RpcContract): MethodDecorator {
  return applyDecorators(MessagePattern(contract.pattern), UseInterceptors(RpcReplyInterceptor));
}
