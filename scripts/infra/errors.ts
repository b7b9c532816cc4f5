/**
 * A failure the person running the launcher can act on. Its message is the
 * whole story (what is wrong and what to do), so callers print it without a
 * stack trace; any other error is a defect and keeps its stack.
 */
export class InfraError extends Error {
  override readonly name = 'InfraError';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Nothing listens there (as opposed to something answering badly). */
export function isNothingListening(error: unknown): boolean {
  const codes = ['ECONNREFUSED', 'ENOENT'];
  if (!(error instanceof Error)) return false;
  const { code } = error as NodeJS.ErrnoException;
  if (code !== undefined && codes.includes(code)) return true;
  // Node reports each address it tried (IPv4 and IPv6) in an AggregateError.
  return error instanceof AggregateError && error.errors.length > 0 && error.errors.every(isNothingListening);
}
