import { join } from 'node:path';
import { InfraError } from './errors';
import { runCommand } from './process';

const MINIMUM_JAVA = 17;

/** The java executable to run Kafka with, after checking it is 17 or newer. */
export async function requireJava(): Promise<string> {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = await runCommand(java, ['-version'], { timeoutMs: 15_000 });
  const major = result.code === 0 ? parseJavaMajor(result.output) : undefined;
  if (major === undefined || major < MINIMUM_JAVA) {
    const found = major === undefined ? '' : ` (found Java ${major} at ${java})`;
    throw new InfraError(`Java ${MINIMUM_JAVA}+ not found${found}: install a JDK (apt-get install openjdk-17-jre-headless), or run \`docker compose up\``);
  }
  return java;
}

/** `openjdk version "17.0.15"` → 17; the old scheme `java version "1.8.0_392"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
