import { mkdirSync, openSync, closeSync, writeSync, unlinkSync } from 'node:fs';
import { InfraError } from './errors';
import { readTextIfExists } from './files';
import type { Logger } from './log';
import { displayPath, paths } from './paths';
import { isRunning } from './process';
import { sleep } from './wait';

const LOCK_TIMEOUT_MS = 180_000;

/**
 * Runs `work` while holding `.data/infra.lock`. The run command and the test
 * harness may both call `infra up` at once; without the lock both would see
 * no broker and start two Kafkas on one data folder.
 */
export async function withInfraLock<T>(log: Logger, work: () => Promise<T>): Promise<T> {
  await acquire(log);
  try {
    return await work();
  } finally {
    release();
  }
}

async function acquire(log: Logger): Promise<void> {
  mkdirSync(paths.dataDir, { recursive: true });
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    if (tryCreateLock()) return;
    const holder = Number(readTextIfExists(paths.lockFile)?.trim());
    if (!Number.isInteger(holder) || holder <= 0 || !isRunning(holder)) {
      // Left behind by a run that was killed.
      removeLock();
      continue;
    }
    if (Date.now() >= deadline) {
      throw new InfraError(
        `another infra command (pid ${holder}) has held ${displayPath(paths.lockFile)} for ${LOCK_TIMEOUT_MS / 1000} s; ` +
          'wait for it to finish, or stop it and try again',
      );
    }
    if (!announced) {
      log(`waiting for another infra command (pid ${holder}) to finish…`);
      announced = true;
    }
    await sleep(250);
  }
}

function tryCreateLock(): boolean {
  try {
    const fd = openSync(paths.lockFile, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function release(): void {
  if (readTextIfExists(paths.lockFile)?.trim() === String(process.pid)) removeLock();
}

function removeLock(): void {
  try {
    unlinkSync(paths.lockFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
