import { isDeepStrictEqual } from 'node:util';
import { ERROR_HTTP_STATUS, errorBodySchema, type ErrorBody } from '@seatstorm/contracts';
import fc from 'fast-check';

/**
 * A request may take this long at most: longer than any wait the gateway
 * bounds itself (RPC_TIMEOUT_MS for a query, then HOLD_DECISION_WAIT_MS for a
 * decision), so an answer later than this is a hang.
 */
export const ANSWER_WITHIN_MS = 10_000;

/** Fuzz runs per property: FUZZ_RUNS for a longer run on demand; FUZZ_SEED replays one. */
const setting = (name: string): string | undefined => process.env[name] || undefined;
export const FUZZ_RUNS = Number(setting('FUZZ_RUNS') ?? 15);
/** A property's time limit: every case may take its full answer time (vitest's own 60 s would cut a longer FUZZ_RUNS short). */
export const PROPERTY_TIMEOUT_MS = FUZZ_RUNS * ANSWER_WITHIN_MS;
const FUZZ_SEED = setting('FUZZ_SEED');
const FUZZ_PATH = setting('FUZZ_PATH');

/**
 * Checks a property for FUZZ_RUNS cases. A failure names the seed and path
 * that replay it (FUZZ_SEED, FUZZ_PATH), with long values cut short: a
 * counterexample's 20 kB string would bury them.
 */
export async function assertProperty<T>(property: fc.IAsyncProperty<T>): Promise<void> {
  try {
    await fc.assert(property, runOptions());
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    error.message = error.message.replace(/(.{300})[^\n]{200,}/g, (_, kept: string) => `${kept}… (cut)`);
    throw error;
  }
}

function runOptions(): fc.Parameters<unknown> {
  return {
    numRuns: FUZZ_RUNS,
    ...(FUZZ_SEED === undefined ? {} : { seed: Number(FUZZ_SEED) }),
    ...(FUZZ_PATH === undefined ? {} : { path: FUZZ_PATH }),
    // Each case runs against the real stack: shrinking would replay dozens of them. Replay by seed and path instead.
    endOnFailure: true,
  };
}

/** What a file's cases were answered, by property: printed at its end, with the number of cases. */
export class Tally {
  private readonly answers = new Map<string, Map<string, number>>();

  count(property: string, answer: string | number): void {
    const answers = this.answers.get(property) ?? new Map<string, number>();
    answers.set(String(answer), (answers.get(String(answer)) ?? 0) + 1);
    this.answers.set(property, answers);
  }

  report(title: string): string {
    const total = [...this.answers.values()].reduce((sum, answers) => sum + [...answers.values()].reduce((a, b) => a + b, 0), 0);
    const lines = [...this.answers].map(
      ([property, answers]) =>
        `  ${property}: ${[...answers]
          .sort()
          .map(([answer, n]) => `${answer}×${n}`)
          .join(' ')}`,
    );
    return [`${title}: ${total} cases over ${this.answers.size} properties (FUZZ_RUNS=${FUZZ_RUNS})`, ...lines].join('\n');
  }
}

/** Codes Nest or Express answer before a handler runs, whose status is not the code's usual one. */
const EDGE_STATUSES: Partial<Record<string, number[]>> = {
  VALIDATION_FAILED: [413, 415, 431],
};

/** Throws, naming what broke, unless `body` is an error body with a stable code whose status is `status`. */
export function expectStableError(status: number, body: unknown, what: string): ErrorBody {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) throw new Error(`${what}: ${status} with a body that is not an error body: ${JSON.stringify(body)?.slice(0, 300)}`);
  const { statusCode, error } = parsed.data;
  if (statusCode !== status) throw new Error(`${what}: ${status} with statusCode ${statusCode} in its body`);
  if (ERROR_HTTP_STATUS[error] !== status && !EDGE_STATUSES[error]?.includes(status)) {
    throw new Error(`${what}: ${status} with the code ${error}, which the contract maps to ${ERROR_HTTP_STATUS[error]}`);
  }
  return parsed.data;
}

/** Throws unless the state read before a refused request is the state after it. */
export function expectUnchanged(before: unknown, after: unknown, what: string): void {
  if (!isDeepStrictEqual(before, after)) {
    throw new Error(`${what}: a refused request changed state.\nbefore: ${JSON.stringify(before)}\nafter:  ${JSON.stringify(after)}`);
  }
}

/** Rejects with a hang failure when `work` has not settled within `ms`. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (a hang)`)), ms);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}
