import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InfraError } from './errors';
import { formatSeconds, type Logger } from './log';
import { displayPath, paths } from './paths';
import { runCommand } from './process';

const MANIFEST = '.complete.json';
const FETCH_TIMEOUT_MS = 10 * 60_000;

interface Manifest {
  pomSha256: string;
  jars: string[];
}

/**
 * The folder of jars Kafka runs from, fetched from Maven Central by the pom
 * beside this file when it is missing, incomplete or made from another pom.
 */
export async function ensureKafkaJars(log: Logger): Promise<string> {
  const pomSha256 = sha256(readFileSync(paths.kafka.pom));
  if (isComplete(paths.kafka.libs, pomSha256)) return paths.kafka.libs;

  await requireMaven();
  log('kafka: fetching jars (first run only)…');
  const started = Date.now();
  // Fetch beside the final folder and swap it in whole, so an interrupted
  // download never looks complete.
  const staging = `${paths.kafka.libs}.${process.pid}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(paths.kafka.libs), { recursive: true });
  const result = await runCommand(
    'mvn',
    ['-q', '-B', '-Dstyle.color=never', '-f', paths.kafka.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`],
    { timeoutMs: FETCH_TIMEOUT_MS },
  );
  if (result.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const why = result.timedOut ? `timed out after ${FETCH_TIMEOUT_MS / 1000} s` : `exit code ${result.code}`;
    throw new InfraError(
      `kafka: fetching jars from Maven Central failed (${why}):\n${result.output.trim()}\n` +
        `(the command: mvn -f ${displayPath(paths.kafka.pom)} dependency:copy-dependencies)`,
    );
  }
  const jars = readdirSync(staging)
    .filter((name) => name.endsWith('.jar'))
    .sort();
  const manifest: Manifest = { pomSha256, jars };
  writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(paths.kafka.libs, { recursive: true, force: true });
  renameSync(staging, paths.kafka.libs);
  log(`kafka: ${jars.length} jars in ${displayPath(paths.kafka.libs)} (${formatSeconds(Date.now() - started)})`);
  return paths.kafka.libs;
}

function isComplete(libs: string, pomSha256: string): boolean {
  const manifestPath = join(libs, MANIFEST);
  if (!existsSync(manifestPath)) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<Manifest>;
    return (
      manifest.pomSha256 === pomSha256 && Array.isArray(manifest.jars) && manifest.jars.length > 0 && manifest.jars.every((jar) => existsSync(join(libs, jar)))
    );
  } catch {
    return false;
  }
}

async function requireMaven(): Promise<void> {
  const result = await runCommand('mvn', ['-v'], { timeoutMs: 30_000 });
  if (!result.found || result.code !== 0) {
    throw new InfraError(
      "Maven not found: it is needed once, to fetch Kafka's jars from Maven Central " + '(apt-get install maven), or run `docker compose up`',
    );
  }
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
