import { writeFileSync } from 'node:fs';
import { INVARIANTS, type InvariantName, type Violation } from './invariants';
import type { Recovery } from './recovery-probe';

export interface FaultRow {
  fault: string;
  /** Absent for the closing row, which checks the books after every fault. */
  recovery?: Recovery;
  /** The fault could not be carried out or undone (e.g. a service did not start again). */
  error?: string;
  /** Violations first seen after this fault. */
  violations: Violation[];
  /** Processes that ended by themselves meanwhile (the supervisor started them again), with their last output. */
  exits: Array<{ name: string; output: string }>;
}

const INVARIANT_NAMES = Object.keys(INVARIANTS) as InvariantName[];

export function log(message: string): void {
  process.stdout.write(`[chaos] ${message}\n`);
}

const seconds = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));

function recovered(row: FaultRow): boolean {
  return row.error === undefined && (row.recovery === undefined || row.recovery.purchaseSeconds !== null);
}

/** The table: one row per fault, a column per invariant (✓, or ✗ and how many broke), and the seconds until it served again. */
export function printTable(rows: readonly FaultRow[]): void {
  const header = ['fault', 'holds again (s)', 'purchase again (s)', ...INVARIANT_NAMES, 'also died'];
  const cells = rows.map((row) => [
    row.fault,
    row.recovery ? (recovered(row) ? seconds(row.recovery.holdsSeconds) : `✗ ${seconds(row.recovery.holdsSeconds)}`) : row.error ? '✗' : '',
    row.recovery ? (recovered(row) ? seconds(row.recovery.purchaseSeconds) : '✗ never') : '',
    ...INVARIANT_NAMES.map((name) => {
      const broken = row.violations.filter((violation) => violation.invariant === name).length;
      return broken === 0 ? '✓' : `✗ ${broken}`;
    }),
    row.exits.map((exit) => exit.name).join(', '),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) => `  ${values.map((value, i) => value.padEnd(widths[i]!)).join('  ')}`;
  process.stdout.write(`\n${line(header)}\n${line(widths.map((width) => '─'.repeat(width)))}\n${cells.map(line).join('\n')}\n`);
  process.stdout.write(`\n${INVARIANT_NAMES.map((name) => `  ${name.padEnd(9)} ${INVARIANTS[name]}`).join('\n')}\n`);
}

/** What broke, row by row, a few examples per invariant. */
export function printViolations(rows: readonly FaultRow[]): void {
  for (const row of rows) {
    if (row.error) process.stdout.write(`\n✗ ${row.fault}: ${row.error}\n`);
    for (const exit of row.exits)
      process.stdout.write(`\n! ${row.fault}: ${exit.name} ended by itself; its last output:\n${exit.output.split('\n').slice(-8).join('\n')}\n`);
    if (row.recovery && !recovered(row))
      process.stdout.write(`\n✗ ${row.fault}: did not serve a whole purchase again; last failure: ${row.recovery.lastError}\n`);
    for (const name of INVARIANT_NAMES) {
      const broken = row.violations.filter((violation) => violation.invariant === name);
      if (broken.length === 0) continue;
      process.stdout.write(
        `\n✗ ${row.fault} · ${name} (${broken.length}):\n${broken
          .slice(0, 5)
          .map((v) => `    ${v.subject}: ${v.detail}`)
          .join('\n')}\n`,
      );
    }
  }
}

/** One check per fault and invariant, and one per fault for recovering at all: `{passed, failed}` for the test summary. */
export function countChecks(rows: readonly FaultRow[]): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  for (const row of rows) {
    const checks = [
      ...(row.recovery || row.error ? [recovered(row)] : []),
      ...INVARIANT_NAMES.map((name) => !row.violations.some((v) => v.invariant === name)),
    ];
    passed += checks.filter(Boolean).length;
    failed += checks.filter((ok) => !ok).length;
  }
  return { passed, failed };
}

export function writeReport(path: string | undefined, counts: { passed: number; failed: number }): void {
  if (path) writeFileSync(path, `${JSON.stringify(counts)}\n`);
}
