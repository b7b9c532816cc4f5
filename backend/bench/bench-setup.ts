import { createServer } from 'node:net';
import { Pool } from 'pg';

/** A fresh database each run, so numbers never depend on what an earlier run left. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  // It is dropped: never let a typo point it at the development or test database.
  if (!/^[a-z0-9_]*bench[a-z0-9_]*$/.test(name)) throw new Error(`the bench database's name must contain "bench" (lowercase, digits, _), got "${name}"`);
  url.pathname = '/postgres';
  const admin = new Pool({ connectionString: url.toString(), max: 1 });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port'))));
    });
  });
}
