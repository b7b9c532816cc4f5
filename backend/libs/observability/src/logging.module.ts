import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { LoggerModule } from 'nestjs-pino';

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;

/** Reuses a well-formed incoming correlation id, otherwise mints one; echoes it on the response. */
export function correlationIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[CORRELATION_HEADER];
  const id = typeof incoming === 'string' && CORRELATION_ID_PATTERN.test(incoming) ? incoming : randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  return id;
}

/**
 * One JSON line per event; secrets never reach the log. Lines are tagged with
 * the services this process runs: nestjs-pino keeps one root logger per
 * process, so with several services in one process a per-service tag would lie.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { services: config.SERVICES.join(',') },
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
}
