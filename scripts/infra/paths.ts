import { join, resolve } from 'node:path';

/**
 * Resolved from this file rather than the working directory, so the npm
 * scripts, the test harness and a shell in any sub-folder all share one
 * `.data/` and one `.cache/`.
 */
export const REPO_ROOT = resolve(__dirname, '..', '..');

const dataDir = join(REPO_ROOT, '.data');
const cacheDir = join(REPO_ROOT, '.cache');
const kafkaDataDir = join(dataDir, 'kafka');
const redisDataDir = join(dataDir, 'redis');

export const paths = {
  dataDir,
  stateFile: join(dataDir, 'infra-state.json'),
  lockFile: join(dataDir, 'infra.lock'),
  kafka: {
    pom: join(__dirname, 'kafka', 'pom.xml'),
    libs: join(cacheDir, 'kafka', 'libs'),
    dataDir: kafkaDataDir,
    logDirs: join(kafkaDataDir, 'logs'),
    serverProperties: join(kafkaDataDir, 'server.properties'),
    log4jProperties: join(kafkaDataDir, 'log4j.properties'),
    clusterIdFile: join(kafkaDataDir, 'cluster-id'),
    pidFile: join(kafkaDataDir, 'kafka.pid'),
    serverLog: join(kafkaDataDir, 'server.log'),
  },
  redis: {
    dataDir: redisDataDir,
    pidFile: join(redisDataDir, 'redis.pid'),
    logFile: join(redisDataDir, 'redis.log'),
  },
} as const;

/** A path as people should read it in messages: relative to the repository. */
export function displayPath(path: string): string {
  return path.startsWith(`${REPO_ROOT}/`) ? path.slice(REPO_ROOT.length + 1) : path;
}
