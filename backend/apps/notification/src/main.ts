import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@seatstorm/config';
import { rpcServerOptions } from '@seatstorm/kafka';
import { Logger } from 'nestjs-pino';
import { NotificationModule } from './notification.module';

/** Starts the notification service: it consumes booking events and answers the gateway's list requests. */
export async function startNotification(config: AppConfig): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(NotificationModule.forRoot(config), {
    ...rpcServerOptions(config, 'notification'),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.listen();
  return app;
}
