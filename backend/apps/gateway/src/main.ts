import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@seatstorm/config';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { GatewayModule } from './gateway.module';
import { useLiveSockets } from './live/redis-io.adapter';
import { ClientIps } from './rate-limits/client-ips';

/** Starts the gateway: REST and socket.io on GATEWAY_PORT, browsers allowed from CORS_ORIGINS. */
export async function startGateway(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // req.ip (logs, anything Express-aware) names the client as the rate limits do: the one rule, TRUSTED_PROXIES.
  app.set('trust proxy', app.get(ClientIps).trust);
  app.useBodyParser('json', { limit: '64kb' });
  // The 50,000-seat snapshot is ~9 MB of JSON and ~1 MB gzipped: compress answers larger than 1 KB.
  // Only reads answer that much; a hold or another write answers one small body, and compression
  // would still wrap its response on every request.
  const compress = compression({ threshold: 1024 });
  app.use((req: Request, res: Response, next: NextFunction) => (req.method === 'GET' ? compress(req, res, next) : next()));
  app.enableCors({ origin: config.CORS_ORIGINS, exposedHeaders: ['x-correlation-id'] });
  useLiveSockets(app);
  await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
  return app;
}
