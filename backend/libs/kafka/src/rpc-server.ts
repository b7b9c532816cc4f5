import { applyDecorators, Injectable, Logger, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { MessagePattern, ServerKafka, type CustomStrategy, type KafkaOptions } from '@nestjs/microservices';
import type { AppConfig } from '@seatstorm/config';
import { ContractViolation, type RpcContract, type RpcReply } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { EachMessagePayload } from 'kafkajs';
import { catchError, map, of, type Observable } from 'rxjs';
import { deploymentOf, isForeign } from './deployment';
import { kafkaIdOf, kafkaClientConfig, RPC_CONSUMER_SETTINGS, PRODUCER_SETTINGS, RPC_SEND_SETTINGS } from './kafka-options';

/**
 * Nest's Kafka server, answering only its own deployment's requests (or
 * requests that name none): see deployment.ts.
 */
export class DeploymentKafkaServer extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly deployment: string,
  ) {
    super(options);
  }

  override async handleMessage(payload: EachMessagePayload): Promise<unknown> {
    if (isForeign(payload.message.headers, this.deployment)) return undefined;
    return super.handleMessage(payload);
  }
}

/** The Kafka transport a request-reply service listens on; one consumer group per service. */
export function rpcServerOptions(config: AppConfig, service: string): CustomStrategy {
  return {
    strategy: new DeploymentKafkaServer({
      client: kafkaClientConfig(config, service),
      // A group of its own: a service's event consumers must never share a
      // group with its request handlers, or partitions go to the wrong member.
      consumer: { groupId: kafkaIdOf(config, `${service}-rpc`), ...RPC_CONSUMER_SETTINGS },
      producer: PRODUCER_SETTINGS,
      // Requests on different partitions are independent; answer them in parallel.
      run: { partitionsConsumedConcurrently: 6 },
      send: RPC_SEND_SETTINGS,
      postfixId: '',
    }, deploymentOf(config)),
  };
}

/**
 * Wraps every answer of a request-reply handler in the reply envelope of the
 * contract: `{ok: true, data}`, or `{ok: false, error}` with the stable code of
 * a DomainError. Anything unexpected is logged here and answered as
 * INTERNAL_ERROR, without internals.
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
    if (error instanceof DomainError) return error.toBody();
    if (error instanceof ContractViolation) {
      return new DomainError('VALIDATION_FAILED', error.message, error.issues).toBody();
    }
    this.logger.error({ err: error, handler: context.getHandler().name }, 'request-reply handler failed');
    return new DomainError('INTERNAL_ERROR', 'Something went wrong on our side.').toBody();
  }
}

/** Marks a method as the handler of one request-reply contract. */
export function RpcHandler(contract: RpcContract): MethodDecorator {
  return applyDecorators(MessagePattern(contract.pattern), UseInterceptors(RpcReplyInterceptor));
}
