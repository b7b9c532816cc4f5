import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@seatstorm/config';
import { rpcServerOptions } from '@seatstorm/kafka';
import { Logger } from 'nestjs-pino';
import { AuthModule } from './auth.module';

export async function startAuth(config: AppConfig): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(AuthModule.forRoot(config), {
    ...rpcServerOptions(config, 'auth'),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.listen();
  return app;
}
