/**
 * Whether an error says the database could not be reached or could not serve
 * the transaction right now (a connection lost or refused, a server shutting
 * down or out of resources, a deadlock or serialization failure), as opposed
 * to a failure of the work itself (a constraint, an overflow, a bug). Work
 * failing for the first reason is retried as it stands; for the second, it
 * is taken apart (docs/architecture.md §4.7).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NODE_NETWORK_CODES.has(code)) return true;
    // SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention, 40 transaction rollback.
    if (/^(08|53|57P|40)/.test(code) && code.length === 5) return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
}

const NODE_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
