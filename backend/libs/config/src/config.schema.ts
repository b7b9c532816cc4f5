import { z } from 'zod';

/** The services one process can run; which ones is configuration (SERVICES). */
export const SERVICE_NAMES = ['gateway', 'auth', 'catalog', 'booking', 'payment', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/** The services that exist today. */
export const IMPLEMENTED_SERVICES = ['gateway', 'catalog'] as const satisfies readonly ServiceName[];

const csv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

// Port 0 asks the OS for a free port (tests use it).
const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();

/**
 * Every environment variable the backend reads, with its default. `.env.example`
 * mirrors this list; keep the two together.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SERVICES: csv
    .pipe(z.array(z.enum(IMPLEMENTED_SERVICES)).min(1))
    .default([...IMPLEMENTED_SERVICES]),
  GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
  GATEWAY_PORT: port.default(3000),
  CORS_ORIGINS: csv.pipe(z.array(z.url())).default(['http://localhost:3001', 'http://127.0.0.1:3001']),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .default('postgresql://postgres@127.0.0.1:5432/seatstorm'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').default('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: csv
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port')).min(1))
    .default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().min(1).default('seatstorm'),
  /** An idle consumer fetch returns after this long; data is delivered as soon as it arrives. */
  KAFKA_CONSUMER_MAX_WAIT_MS: positiveMs.default(100),
  /** How long the gateway waits for a request-reply answer before answering 503. */
  RPC_TIMEOUT_MS: positiveMs.default(5000),
});

export type AppConfig = z.output<typeof envSchema>;
