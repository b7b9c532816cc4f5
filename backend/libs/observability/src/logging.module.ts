import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { LoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER, correlationIdIn, correlationLogFields, newCorrelationId, withCorrelation } from './correlation';

/** Reuses a well-formed incoming correlation id, otherwise mints one; echoes it on the response. */
export function correlationIdOf(req: IncomingMessage, res: ServerResponse): string {
  const id = correlationIdIn(req.headers) ?? newCorrelationId();
  res.setHeader(CORRELATION_HEADER, id);
  return id;
}

/**
 * Handles each HTTP request inside its correlation id (correlation.ts), so
 * the Kafka messages it produces carry it and every log line written for it
 * names it. Runs as module middleware, after the body parsers: a context
 * entered before them would not survive their stream callbacks.
 */
function correlateRequest(req: IncomingMessage & { id?: unknown }, res: ServerResponse, next: () => void): void {
  if (typeof req.id !== 'string') req.id = correlationIdOf(req, res);
  withCorrelation(req.id, next);
}

/**
 * One JSON line per event; secrets never reach the log. Lines are tagged with
 * the services this process runs: nestjs-pino keeps one root logger per
 * process, so with several services in one process a per-service tag would lie.
 * Every line written while handling a request or a message names its
 * correlation id.
 */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { services: config.SERVICES.join(',') },
            mixin: correlationLogFields,
            genReqId: correlationIdOf,
            customAttributeKeys: { reqId: 'correlationId' },
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash', '*.token'],
              censor: '[redacted]',
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlateRequest).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
