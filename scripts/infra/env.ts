import { InfraError } from './errors';

export const DEFAULTS = {
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_CONTROLLER_PORT: '9093',
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/seatstorm',
  REDIS_URL: 'redis://127.0.0.1:6379',
} as const;

export interface KafkaSettings {
  /** Every address in KAFKA_BROKERS, for clients. */
  brokers: string[];
  /** The first address: where our own broker listens when we start one. */
  host: string;
  port: number;
  controllerPort: number;
}

export interface InfraSettings {
  kafka: KafkaSettings;
  databaseUrl: string;
  redisUrl: string;
}

/** Reads and checks the variables once, naming the one that is wrong. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): InfraSettings {
  const brokers = (env.KAFKA_BROKERS || DEFAULTS.KAFKA_BROKERS)
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  const [first] = brokers;
  if (first === undefined) throw new InfraError('KAFKA_BROKERS is empty; expected host:port[,host:port…]');
  const { host, port } = parseHostPort(first, 'KAFKA_BROKERS');
  if (host === 'localhost') {
    throw new InfraError(`KAFKA_BROKERS=${first}: use 127.0.0.1, not localhost (Node may resolve localhost to ::1, where the broker does not listen)`);
  }
  const controllerPort = parsePort(env.KAFKA_CONTROLLER_PORT || DEFAULTS.KAFKA_CONTROLLER_PORT, 'KAFKA_CONTROLLER_PORT');
  if (controllerPort === port) {
    throw new InfraError(`KAFKA_CONTROLLER_PORT=${controllerPort} is the broker's port too; pick another one`);
  }
  return {
    kafka: { brokers, host, port, controllerPort },
    databaseUrl: parseUrl(env.DATABASE_URL || DEFAULTS.DATABASE_URL, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: parseUrl(env.REDIS_URL || DEFAULTS.REDIS_URL, 'REDIS_URL', ['redis:']),
  };
}

function parseHostPort(address: string, variable: string): { host: string; port: number } {
  const match = /^(.+):(\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) throw new InfraError(`${variable}: "${address}" is not host:port`);
  return { host: match[1], port: parsePort(match[2], variable) };
}

function parsePort(text: string, variable: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InfraError(`${variable}: "${text}" is not a port number`);
  }
  return port;
}

function parseUrl(text: string, variable: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value may hold a password, so it is not echoed.
    throw new InfraError(`${variable} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new InfraError(`${variable}: expected a ${protocols.join(' or ')}// URL, got "${url.protocol}//"`);
  }
  return text;
}

/** host:port of a service URL, without credentials, for messages. */
export function addressOf(url: string, defaultPort: number): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || defaultPort}`;
}
