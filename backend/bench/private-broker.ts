import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allTopicSpecs } from '@seatstorm/contracts';
import {
  ensureKafkaJars,
  ensureTopics,
  kafkaAnswers,
  LOG4J_PROPERTIES,
  pollUntil,
  requireJava,
  runCommand,
  serverProperties,
  warmUpGroupCoordinator,
} from '@seatstorm/infra';
import { log } from './report';

const START_TIMEOUT_MS = 60_000;
const JVM_OPTIONS = ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

export interface PrivateBroker {
  brokers: string[];
  readonly pid: number | undefined;
  stop(): Promise<void>;
  /**
   * Stops the broker, gracefully (SIGTERM) or as a crash would (SIGKILL),
   * and starts it again on the same ports and log directory: what its
   * clients see of a broker restart. Resolves once it answers again.
   */
  restart(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** The first half of a restart: resolves once the broker is gone. */
  halt(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** The second half: starts a halted broker again on the same ports and log directory; resolves once it answers. */
  start(): Promise<void>;
}

/**
 * A throw-away single-node Kafka for one bench or chaos run: the same jars and
 * settings as the project's broker (@seatstorm/infra's kafka-config.ts), other
 * ports and a temporary log directory. The shared broker's
 * topics are read by every running stack's consumer groups: there, the
 * bench's commands would reach services on other databases, and their traffic
 * would be in the numbers.
 */
export async function startPrivateBroker(ports: { broker: number; controller: number }): Promise<PrivateBroker> {
  const dir = await mkdtemp(join(tmpdir(), 'seatstorm-bench-kafka-'));
  const properties = join(dir, 'server.properties');
  const log4j = join(dir, 'log4j.properties');
  const host = '127.0.0.1';
  await writeFile(properties, serverProperties({ host, port: ports.broker, controllerPort: ports.controller }, join(dir, 'logs')));
  await writeFile(log4j, LOG4J_PROPERTIES);

  const java = await requireJava();
  const classpath = `${await ensureKafkaJars((line) => log(line))}/*`;
  const logging = `-Dlog4j.configuration=file:${log4j}`;
  const format = await runCommand(java, [logging, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId(), '-c', properties], {
    timeoutMs: START_TIMEOUT_MS,
    cwd: dir,
  });
  if (format.code !== 0) throw new Error(`formatting the bench broker's storage failed:\n${format.output}`);

  const brokers = [`${host}:${ports.broker}`];
  let child: ChildProcess;
  let exited: Promise<unknown>;
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);
  const launch = async () => {
    child = spawn(java, [...JVM_OPTIONS, logging, '-cp', classpath, 'kafka.Kafka', properties], { cwd: dir, stdio: 'ignore' });
    exited = once(child, 'exit').catch(() => undefined);
    const up = await pollUntil(async () => child.exitCode !== null || (await kafkaAnswers(brokers)), { timeoutMs: START_TIMEOUT_MS, intervalMs: 300 });
    if (!up || child.exitCode !== null) throw new Error(`the bench broker did not come up at ${brokers[0]} (exit code ${child.exitCode})`);
  };
  const halt = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const stop = async () => {
    await halt('SIGTERM');
    process.off('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await launch();
    await ensureTopics(brokers, allTopicSpecs());
    // A fresh broker creates its offsets topic on the first group request, and may not have it ready yet.
    await warmUpGroupCoordinator(brokers, START_TIMEOUT_MS).catch((error: unknown) => {
      throw new Error(`the bench broker at ${brokers[0]} has no group coordinator: ${error instanceof Error ? error.message : String(error)}`);
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    brokers,
    get pid() {
      return child.pid;
    },
    stop,
    async restart(signal) {
      await halt(signal);
      await launch();
    },
    halt,
    start: launch,
  };
}

/** Kafka's cluster id format: 16 random bytes, base64url, never starting with "-" (a CLI would read a flag). */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
