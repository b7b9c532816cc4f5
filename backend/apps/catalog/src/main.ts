import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@seatstorm/config';
import { rpcServerOptions } from '@seatstorm/kafka';
import { Logger } from 'nestjs-pino';
import { CatalogModule } from './catalog.module';

export async function startCatalog(config: AppConfig): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(CatalogModule.forRoot(config), {
    ...rpcServerOptions(config, 'catalog'),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.listen();
  return app;
}
