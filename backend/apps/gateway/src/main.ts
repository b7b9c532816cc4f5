import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { MAX_REQUEST_BODY_BYTES } from '@seatstorm/contracts';
import { usesDevelopmentJwtSecret, type AppConfig } from '@seatstorm/config';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { answerClientErrors } from './errors/client-errors';
import { GatewayModule } from './gateway.module';
import { useLiveSockets } from './live/redis-io.adapter';
import { ClientIps } from './rate-limits/client-ips';

/** Starts the gateway: REST and socket.io on GATEWAY_PORT, browsers allowed from CORS_ORIGINS. */
export async function startGateway(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (usesDevelopmentJwtSecret(config)) {
    // Anyone can read that secret and sign tokens for any account: say so on every start, not only in production.
    app.get(Logger).warn('JWT_SECRET is not set: tokens are signed with the public development secret. Set JWT_SECRET (32+ characters) anywhere but a laptop.');
  }
  app.disable('x-powered-by');
  // The gateway answers JSON only: its pages, if a browser ever rendered one, may load nothing and be framed by no one.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      frameguard: { action: 'deny' },
    }),
  );
  // req.ip (logs, anything Express-aware) names the client as the rate limits do: the one rule, TRUSTED_PROXIES.
  app.set('trust proxy', app.get(ClientIps).trust);
  app.useBodyParser('json', { limit: MAX_REQUEST_BODY_BYTES });
  // The 50,000-seat snapshot is ~9 MB of JSON and ~1 MB gzipped: compress answers larger than 1 KB.
  // Only reads answer that much; a hold or another write answers one small body, and compression
  // would still wrap its response on every request.
  const compress = compression({ threshold: 1024 });
  app.use((req: Request, res: Response, next: NextFunction) => (req.method === 'GET' ? compress(req, res, next) : next()));
  // Content-Disposition: the web app names a download (the sales CSV) as the gateway does.
  app.enableCors({ origin: config.CORS_ORIGINS, exposedHeaders: ['x-correlation-id', 'content-disposition'] });
  useLiveSockets(app);
  answerClientErrors(app.getHttpServer());
  await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
  return app;
}
