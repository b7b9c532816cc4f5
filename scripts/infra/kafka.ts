import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { allTopicSpecs } from '../../backend/libs/contracts/src/index';
import type { KafkaSettings } from './env';
import { InfraError, messageOf } from './errors';
import { tailFile } from './files';
import { requireJava } from './java';
import { countReadyTopics, ensureTopics, kafkaAnswers, warmUpGroupCoordinator } from './kafka-admin';
import { isStorageFormatted, readOrCreateClusterId, writeKafkaConfig } from './kafka-config';
import { ensureKafkaJars } from './kafka-jars';
import { formatSeconds, type Logger } from './log';
import { displayPath, paths, REPO_ROOT } from './paths';
import { isLocalHost, isPortFree } from './ports';
import { commandLineOf, isRunning, runCommand, startDetached, stopProcess, type StopOutcome } from './process';
import type { ComponentStatus, StartedBy } from './status';
import { forgetStarted, readState, updateState, type StartedProcess } from './state';
import { pollUntil } from './wait';

const START_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 30_000;
const LOG_TAIL_LINES = 40;

// The heap the project budgets for; the GC settings are those of Kafka's own
// launch scripts (kafka-run-class.sh).
const JVM_OPTIONS = [
  '-Xms512m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djava.awt.headless=true',
];

export interface KafkaUpResult {
  address: string;
  startedBy: StartedBy;
  /** Set when this call started the broker: from launch to the first metadata answer. */
  startMs?: number;
  topics: number;
}

export async function upKafka(settings: KafkaSettings, log: Logger): Promise<KafkaUpResult> {
  const address = `${settings.host}:${settings.port}`;
  const ours = runningOwnKafka();
  if (ours && ours.address !== address) {
    throw new InfraError(
      `kafka: ours is already running at ${ours.address} (pid ${ours.pid}), not at KAFKA_BROKERS=${address}; ` +
        `run \`npm run infra:down\` first, or set KAFKA_BROKERS=${ours.address}`,
    );
  }

  let startMs: number | undefined;
  if (await kafkaAnswers(settings.brokers)) {
    log(`kafka: already up at ${address} (${ours ? `started by infra, pid ${ours.pid}` : 'not started by infra'})`);
  } else if (ours) {
    // An earlier `up` launched it and it is still coming up.
    log(`kafka: waiting for pid ${ours.pid} to answer at ${address}…`);
    await waitUntilAnswering(ours.pid, settings.brokers, Date.now());
  } else {
    startMs = await startKafka(settings, address, log);
  }

  const report = await ensureTopics(settings.brokers, allTopicSpecs()).catch((error: unknown) => {
    throw new InfraError(`topics: could not create them at ${address}: ${messageOf(error)}`);
  });
  const changes = [
    report.created.length > 0 ? `${report.created.length} created` : '',
    report.grown.length > 0 ? `partitions added to ${report.grown.join(', ')}` : '',
  ].filter(Boolean);
  log(`topics: ${report.total} ready${changes.length > 0 ? ` (${changes.join('; ')})` : ''}`);
  await warmUpGroupCoordinator(settings.brokers).catch((error: unknown) => {
    throw new InfraError(`kafka: the group coordinator at ${address} is not available: ${messageOf(error)}`);
  });

  const startedBy: StartedBy = ours || startMs !== undefined ? 'infra' : 'external';
  return { address, startedBy, startMs, topics: report.total };
}

async function startKafka(settings: KafkaSettings, address: string, log: Logger): Promise<number> {
  if (!isLocalHost(settings.host)) {
    throw new InfraError(`kafka: nothing answers at ${address}, and a broker is only started here on 127.0.0.1`);
  }
  await requirePortFree(
    settings.host,
    settings.port,
    `kafka: port ${settings.port} is taken by something that is not Kafka (it does not answer a metadata request); ` +
      `free it, or set KAFKA_BROKERS to another 127.0.0.1 port`,
  );
  await requirePortFree(
    settings.host,
    settings.controllerPort,
    `kafka: controller port ${settings.controllerPort} is taken; free it, or set KAFKA_CONTROLLER_PORT to another port`,
  );
  const java = await requireJava();
  const classpath = `${await ensureKafkaJars(log)}/*`;
  writeKafkaConfig(settings);
  if (!isStorageFormatted()) {
    log('kafka: formatting storage (first run only)…');
    await formatStorage(java, classpath);
  }

  keepPreviousLog();
  const launchedAt = Date.now();
  const pid = startDetached(java, [...JVM_OPTIONS, jvmLogging(), '-cp', classpath, 'kafka.Kafka', paths.kafka.serverProperties], {
    logFile: paths.kafka.serverLog,
    cwd: REPO_ROOT,
  });
  writeFileSync(paths.kafka.pidFile, `${pid}\n`);
  updateState((state) => ({ ...state, kafka: { pid, address, startedAt: new Date(launchedAt).toISOString() } }));
  log(`kafka: starting (pid ${pid}, log ${displayPath(paths.kafka.serverLog)})…`);

  await waitUntilAnswering(pid, settings.brokers, launchedAt);
  const startMs = Date.now() - launchedAt;
  log(`kafka: up at ${address} in ${formatSeconds(startMs)}`);
  return startMs;
}

async function formatStorage(java: string, classpath: string): Promise<void> {
  const clusterId = readOrCreateClusterId();
  const format = await runCommand(
    java,
    [jvmLogging(), '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', paths.kafka.serverProperties, '--ignore-formatted'],
    { timeoutMs: 60_000, cwd: REPO_ROOT },
  );
  if (format.code !== 0) {
    throw new InfraError(`kafka: formatting ${displayPath(paths.kafka.logDirs)} failed:\n${format.output.trim()}`);
  }
}

function jvmLogging(): string {
  return `-Dlog4j.configuration=file:${paths.kafka.log4jProperties}`;
}

/** Waits for our broker's first metadata answer; a broker that dies or hangs is reported with its log. */
async function waitUntilAnswering(pid: number, brokers: string[], since: number): Promise<void> {
  let exited = false;
  const answered = await pollUntil(
    async () => {
      exited = !isRunning(pid);
      return exited || (await kafkaAnswers(brokers));
    },
    { timeoutMs: Math.max(0, since + START_TIMEOUT_MS - Date.now()), intervalMs: 300 },
  );
  if (answered && !exited) return;

  const reason = exited ? 'exited during startup' : `did not answer within ${START_TIMEOUT_MS / 1000} s, so it was stopped`;
  if (!exited) await stopProcess(pid, { graceMs: 10_000 });
  forgetOwnKafka();
  const tail = tailFile(paths.kafka.serverLog, LOG_TAIL_LINES).join('\n');
  throw new InfraError(`kafka: the broker (pid ${pid}) ${reason}. Last lines of ${displayPath(paths.kafka.serverLog)}:\n${tail}`);
}

export interface KafkaDownResult {
  outcome: StopOutcome | 'not-ours';
}

/** Stops the broker only if this launcher started it. */
export async function downKafka(log: Logger): Promise<KafkaDownResult> {
  const ours = readState().kafka;
  if (!ours) {
    log('kafka: not started by infra, left alone');
    return { outcome: 'not-ours' };
  }
  if (!isOwnKafkaProcess(ours.pid)) {
    forgetOwnKafka();
    log('kafka: was not running');
    return { outcome: 'not-running' };
  }
  log(`kafka: stopping pid ${ours.pid}…`);
  const started = Date.now();
  const outcome = await stopProcess(ours.pid, { graceMs: STOP_GRACE_MS });
  forgetOwnKafka();
  log(
    outcome === 'killed'
      ? `kafka: killed after ${STOP_GRACE_MS / 1000} s without exiting on SIGTERM`
      : `kafka: stopped in ${formatSeconds(Date.now() - started)}`,
  );
  return { outcome };
}

export async function kafkaStatus(settings: KafkaSettings): Promise<ComponentStatus> {
  const address = `${settings.host}:${settings.port}`;
  const ours = runningOwnKafka();
  const up = await kafkaAnswers(settings.brokers);
  const status: ComponentStatus = { up, address, startedBy: ours ? 'infra' : 'external', detail: '' };
  if (ours) status.pid = ours.pid;
  if (up) {
    const specs = allTopicSpecs();
    const ready = await countReadyTopics(settings.brokers, specs).catch(() => 0);
    status.detail = `${ready}/${specs.length} topics`;
  } else if (ours) {
    status.detail = 'process running but not answering (starting, or stuck)';
  }
  return status;
}

/** Our broker from the state file, if that process is still the broker we launched. */
function runningOwnKafka(): StartedProcess | undefined {
  const ours = readState().kafka;
  if (!ours) return undefined;
  if (isOwnKafkaProcess(ours.pid)) return ours;
  forgetOwnKafka();
  return undefined;
}

/** Guards against a recycled pid: the process must be a broker running our server.properties. */
function isOwnKafkaProcess(pid: number): boolean {
  if (!isRunning(pid)) return false;
  const commandLine = commandLineOf(pid);
  return commandLine === undefined || (commandLine.includes('kafka.Kafka') && commandLine.includes(paths.kafka.serverProperties));
}

function forgetOwnKafka(): void {
  rmSync(paths.kafka.pidFile, { force: true });
  forgetStarted('kafka');
}

async function requirePortFree(host: string, port: number, message: string): Promise<void> {
  if (!(await isPortFree(host, port))) throw new InfraError(message);
}

/** One previous log survives a restart, for the crash someone is about to ask about. */
function keepPreviousLog(): void {
  mkdirSync(paths.kafka.dataDir, { recursive: true });
  if (existsSync(paths.kafka.serverLog)) renameSync(paths.kafka.serverLog, `${paths.kafka.serverLog}.1`);
}
