import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@seatstorm/config';
import { Logger } from 'nestjs-pino';
import { PaymentModule } from './payment.module';

/** Starts the payment service: it only consumes and produces Kafka messages, so it needs no server. */
export async function startPayment(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(PaymentModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return app;
}
