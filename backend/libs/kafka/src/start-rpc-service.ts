import type { DynamicModule, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@seatstorm/config';
import { Logger } from 'nestjs-pino';
import { rpcServerOptions } from './rpc-server';

/**
 * Starts a service that answers request-reply over Kafka as `service` (its
 * module's consumers start with it), logging through the app's JSON logger.
 */
export async function startRpcService(module: DynamicModule, config: AppConfig, service: string): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, { ...rpcServerOptions(config, service), bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen();
  return app;
}
