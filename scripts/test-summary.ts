// Sums the JSON reports of every runner into the closing line
// `N passed, N failed, N skipped`; exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: test-summary <reports dir>');

/** vitest's json reporter (jest-compatible), playwright's json reporter, or a check's `{passed, failed}`. */
function countsOf(report: Record<string, unknown>): Counts {
  const num = (key: string, from: Record<string, unknown> = report): number => {
    const value = from[key];
    return typeof value === 'number' ? value : 0;
  };
  if ('numTotalTests' in report) {
    return { passed: num('numPassedTests'), failed: num('numFailedTests'), skipped: num('numPendingTests') + num('numTodoTests') };
  }
  if (typeof report.stats === 'object' && report.stats !== null) {
    const stats = report.stats as Record<string, unknown>;
    return { passed: num('expected', stats), failed: num('unexpected', stats) + num('flaky', stats), skipped: num('skipped', stats) };
  }
  return { passed: num('passed'), failed: num('failed'), skipped: num('skipped') };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const runs = readFileSync(join(dir, 'runs.tsv'), 'utf8').trim().split('\n').filter(Boolean);

for (const line of runs) {
  const [id = '?', exitCode = '1'] = line.split('\t');
  const file = join(dir, `${id}.json`);
  const counts = existsSync(file) ? countsOf(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : { passed: 0, failed: 0, skipped: 0 };
  let note = '';
  if (exitCode !== '0' && counts.failed === 0) {
    // It exited non-zero without reporting a failing test: it crashed or never ran.
    counts.failed = 1;
    note = `  (exited ${exitCode} without a failing test: counted as 1 failure)`;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  console.log(`  ${id.padEnd(22)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${note}`);
}

console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
