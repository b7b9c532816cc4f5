import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@seatstorm/config';
import { rpcServerOptions } from '@seatstorm/kafka';
import { Logger } from 'nestjs-pino';
import { BookingModule } from './booking.module';

export async function startBooking(config: AppConfig): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(BookingModule.forRoot(config), {
    ...rpcServerOptions(config, 'booking'),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.listen();
  return app;
}
