import proxyaddr from 'proxy-addr';
import { DEFAULT_MAX_SEATS_PER_BOOKING, SEAT_IDS_PER_REQUEST_CAP } from '@seatstorm/contracts';
import { z } from 'zod';
import { parseTicketSigningKey } from './ticket-signing-key';

/** The services one process can run; which ones is configuration (SERVICES, all by default). */
export const SERVICE_NAMES = ['gateway', 'auth', 'catalog', 'booking', 'payment', 'notification', 'analytics'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

// Port 0 asks the OS for a free port (tests use it).
const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().positive();
const positiveInt = z.coerce.number().int().positive();

const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** A duration such as `90s`, `15m`, `12h` or `7d` (a bare number is seconds), read as seconds. */
const durationSeconds = z
  .string()
  .regex(/^\d+[smhd]?$/, 'must be a duration such as 90s, 15m, 12h or 7d')
  .transform((value) => {
    const unit = /[smhd]$/.test(value) ? (value.slice(-1) as keyof typeof SECONDS_PER_UNIT) : 's';
    return Number.parseInt(value, 10) * SECONDS_PER_UNIT[unit];
  })
  .pipe(z.number().int().positive());

/** What proxy-addr (Express's `trust proxy`) accepts as a list of trusted proxies. */
function isProxyList(list: string[]): boolean {
  try {
    proxyaddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

// WARNING: public; it only lets development and tests run without setup. Production refuses it.
const DEVELOPMENT_JWT_SECRET = 'seatstorm-development-only-jwt-secret';

/**
 * Every environment variable the backend reads, with its default. `.env.example`
 * mirrors this list, each variable with this default (load-config.spec.ts checks it).
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SERVICES: csv.pipe(z.array(z.enum(SERVICE_NAMES)).min(1)).default([...SERVICE_NAMES]),
    GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
    GATEWAY_PORT: port.default(3000),
    /** A port of the process's own for GET /health and GET /metrics, whatever services it runs (a booking or payment process has no other HTTP); unset, none. */
    OPS_PORT: port.optional(),
    OPS_HOST: z.string().min(1).default('0.0.0.0'),
    CORS_ORIGINS: csv.pipe(z.array(z.url())).default(['http://localhost:3001', 'http://127.0.0.1:3001']),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .default('postgresql://postgres@127.0.0.1:5432/seatstorm'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    KAFKA_BROKERS: csv.pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port')).min(1)).default(['127.0.0.1:9092']),
    KAFKA_CLIENT_ID: z.string().min(1).default('seatstorm'),
    /**
     * Where a consumer group starts the first time it runs: `earliest` so
     * commands sent before a service ever ran are still handled; `latest` (tests,
     * with their throw-away groups) starts at the end of each topic as it is
     * then. Either way a restarted group resumes where it stopped.
     */
    KAFKA_AUTO_OFFSET_RESET: z.enum(['earliest', 'latest']).default('earliest'),
    /** An idle consumer fetch returns after this long; data is delivered as soon as it arrives. */
    KAFKA_CONSUMER_MAX_WAIT_MS: positiveMs.default(100),
    /** How long the gateway waits for a request-reply answer before answering 503. */
    RPC_TIMEOUT_MS: positiveMs.default(5000),
    /** How long a hold lives before its seats are released (docs/architecture.md §4.5). */
    HOLD_TTL: durationSeconds.prefault('10m'),
    /** Starting a payment extends the hold to at least this long from then, once… */
    PAYMENT_HOLD_EXTENSION: durationSeconds.prefault('2m'),
    /** …but a hold never lives longer than this in all. */
    HOLD_MAX_LIFETIME: durationSeconds.prefault('15m'),
    /** How many times the owner may ask for more time on a hold (POST /bookings/:id/extend), and how much each time. */
    HOLD_EXTENSIONS: z.coerce.number().int().min(0).max(10).default(2),
    HOLD_EXTENSION: durationSeconds.prefault('2m'),
    /** How long seats offered from a waiting list are held for the buyer in line before they go on general sale (docs/architecture.md §14). */
    WAITING_LIST_CLAIM: durationSeconds.prefault('10m'),
    /**
     * A hold whose payment started keeps its seats past its expiry while the payment has no
     * result yet, for at most this long after it started; a charge that succeeds later is refunded.
     */
    PAYMENT_RESULT_WAIT: durationSeconds.prefault('10m'),
    /** Companion seats are held only together with a wheelchair space until this long before the show, then by anyone. */
    COMPANION_RELEASE_BEFORE_EVENT: durationSeconds.prefault('48h'),
    /** Seats one booking may claim; never beyond what a request may name at all. */
    MAX_SEATS_PER_BOOKING: positiveInt.max(SEAT_IDS_PER_REQUEST_CAP).default(DEFAULT_MAX_SEATS_PER_BOOKING),
    /**
     * Live seats (reserved, paid or confirmed) one account may have at one event across all
     * its bookings, unless the event sets its own; decided by the booking core with the race.
     */
    MAX_SEATS_PER_BUYER: positiveInt.default(8),
    /** Hold requests (REST and socket together) one account may make per minute; more are answered 429. */
    HOLD_RATE_LIMIT: positiveInt.default(20),
    /** Hold requests from one client IP per minute, whatever the account (a household or office shares one). */
    HOLD_RATE_LIMIT_PER_IP: positiveInt.default(120),
    /** Ticket scans (POST /check-in) one account may make per minute: a door scans one every few seconds. */
    CHECK_IN_RATE_LIMIT: positiveInt.default(600),
    /** Accounts one client IP may register per hour. */
    REGISTER_RATE_LIMIT_PER_IP: positiveInt.default(10),
    /**
     * Proxies whose X-Forwarded-For the gateway believes, as addresses, CIDR ranges or the names
     * loopback, linklocal and uniquelocal (the web app's server is one); `none`: no proxy, the
     * connection's own address counts (an empty variable means the default, as everywhere).
     */
    TRUSTED_PROXIES: csv
      .transform((list) => (list.length === 1 && list[0] === 'none' ? [] : list))
      .refine(isProxyList, 'must be IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (comma-separated), or none')
      .default(['loopback']),
    /** How long an admission pass from the waiting room stays valid: the first hold must come before. */
    WAITING_ROOM_PASS_TTL: durationSeconds.prefault('10m'),
    /** How often the waiting room admits the next buyers and tells the waiting where they are. */
    WAITING_ROOM_TICK_MS: positiveMs.default(1000),
    /** Adaptive admission: admit more while the gateways' hold decisions (p90) stay under this. */
    ADMISSION_TARGET_DECISION_MS: positiveMs.default(500),
    /** Adaptive admission never goes below or above these rates, and starts at the third. */
    ADMISSION_MIN_PER_MINUTE: positiveInt.default(60),
    ADMISSION_MAX_PER_MINUTE: positiveInt.default(30_000),
    ADMISSION_START_PER_MINUTE: positiveInt.default(600),
    /** A hold request not decided within this is rejected as expired, never granted late. */
    HOLD_REQUEST_DEADLINE: durationSeconds.prefault('30s'),
    /** How long POST /bookings waits for the decision before answering 202 pending. */
    HOLD_DECISION_WAIT_MS: positiveMs.default(3000),
    /** How often the booking service looks for holds that ran out. */
    EXPIRY_SWEEP_INTERVAL_MS: positiveMs.default(1000),
    /** How often the outbox relay looks for unpublished messages (it is also woken after every batch). */
    OUTBOX_POLL_INTERVAL_MS: positiveMs.default(250),
    /** How often the booking service prunes old rows (one instance at a time). */
    HOUSEKEEPING_INTERVAL_MS: positiveMs.default(60_000),
    /** Published outbox messages are deleted after this long. */
    OUTBOX_RETENTION: durationSeconds.prefault('1d'),
    /**
     * Recorded decisions (what makes a redelivered command harmless) and rejected bookings are
     * deleted after this long. WARNING: keep it longer than Kafka keeps `Topic.BookingCommands`
     * (the broker's retention, 7 days by default), or a redelivered command could be decided twice.
     */
    DECISION_RETENTION: durationSeconds.prefault('8d'),
    /** Signs and verifies every token (HS256); at least 32 characters, and set explicitly in production. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
    /** How long a token stays valid, in seconds. */
    JWT_TTL: durationSeconds.prefault('12h'),
    /**
     * Signs ticket codes (Ed25519): a private key, PKCS#8 PEM or base64 DER (`openssl genpkey
     * -algorithm ed25519 -outform DER | base64 -w0`); scanners verify with its public half
     * (GET /tickets/public-key). Unset, it is derived from JWT_SECRET; set one of its own in
     * production, or rotating JWT_SECRET voids every ticket printed before.
     */
    TICKET_SIGNING_KEY: z
      .string()
      .refine((key) => parseTicketSigningKey(key) !== undefined, 'must be an Ed25519 private key, PKCS#8 PEM or base64 DER')
      .optional(),
    /**
     * Failed sign-ins (wrong password, unknown email) allowed per client IP per 15 minutes; past
     * it even the right password is refused. Successful sign-ins neither count nor clear the count.
     */
    LOGIN_RATE_LIMIT: positiveInt.default(20),
    /** Failed sign-ins allowed per email per 15 minutes; a successful sign-in clears that email's count. */
    LOGIN_RATE_LIMIT_PER_EMAIL: positiveInt.default(10),
    /**
     * Demo affordances: the seeded demo accounts, one-click sign-in, the race lab. On for local
     * runs; never in production, where it defaults to off (loadConfig) and is refused on.
     */
    DEMO_MODE: z.stringbool().default(true),
    /**
     * When set, GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is
     * open in development and not served in production.
     */
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    /** How long the simulated card provider takes to answer each call. */
    PAYMENT_LATENCY_MS: z.coerce.number().int().min(0).default(150),
    /** The share of provider calls (0–1) that fail transiently at random, for chaos tests. */
    PAYMENT_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
    /** Provider calls for one payment before it is given up and sent to the dead-letter topic. */
    PAYMENT_MAX_ATTEMPTS: positiveInt.default(4),
    /** A retry waits a random time up to base × 2^(retry − 1), capped at the max (exponential backoff, full jitter). */
    PAYMENT_RETRY_BASE_MS: positiveMs.default(200),
    PAYMENT_RETRY_MAX_MS: positiveMs.default(5000),
    /** A refund out of its quick retries is never given up: it is tried again this often until it lands. */
    PAYMENT_REFUND_RETRY_MS: positiveMs.default(60_000),
    /** How often the payment service looks for payments due an attempt (it is also woken by every request it takes in). */
    PAYMENT_POLL_INTERVAL_MS: positiveMs.default(250),
    /** Provider calls one payment service instance has in flight at most. */
    PAYMENT_CONCURRENCY: positiveInt.default(64),
    /** Live seat maps: at most one `Topic.SeatUpdated` message per event room per tick, carrying every change of the tick. */
    LIVE_TICK_MS: positiveMs.default(50),
    /** `hold` and `release` messages one socket may send per second; more are answered RATE_LIMITED. */
    LIVE_HOLD_RATE_LIMIT: positiveInt.default(10),
    /** `subscribe` and `lab.subscribe` messages one socket may send per second (each asks the catalog); more are answered RATE_LIMITED. */
    LIVE_SUBSCRIBE_RATE_LIMIT: positiveInt.default(5),
    /** A process asked to stop (SIGTERM, SIGINT) exits within this, whatever is down: what has not closed by then is left (a container stop kills at 10 s). */
    SHUTDOWN_TIMEOUT_MS: positiveMs.default(8_000),
    /** booking.updated and notification messages older than this are not pushed to sockets (a relay catching up after an outage); the pages read them over REST. */
    LIVE_RELAY_MAX_AGE_MS: positiveMs.default(60_000),
    /** Broadcasts to the other gateway instances kept while Redis is away; beyond it the oldest give way (their watchers resync). */
    LIVE_REDIS_BACKLOG: positiveInt.default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set to a secret of at least 32 characters in production' });
    }
    if (env.NODE_ENV === 'production' && env.DEMO_MODE) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_MODE'], message: 'demo accounts, one-click sign-in and the race lab are for local runs, not in production' });
    }
  });

export type AppConfig = z.output<typeof envSchema>;

/** True when tokens are signed with the public development secret: fine on a laptop, never anywhere else. */
export const usesDevelopmentJwtSecret = (config: AppConfig): boolean => config.JWT_SECRET === DEVELOPMENT_JWT_SECRET;
