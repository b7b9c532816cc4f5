import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';

/** Writes through a temporary file so a reader never sees half a file. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

export function readTextIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The last `count` lines of a file that may be large (a broker log grows without bound). */
export function tailFile(path: string, count: number): string[] {
  if (!existsSync(path)) return [];
  const windowBytes = 64 * 1024;
  const size = statSync(path).size;
  const start = Math.max(0, size - windowBytes);
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  const lines = buffer.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-count);
}
