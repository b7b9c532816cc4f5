import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('the Content-Security-Policy of the pages', () => {
  it('runs only scripts with the nonce and workers of its own, connects only to itself and the gateway, and is never framed', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123', gatewayUrl: 'https://api.tickets.example', dev: false }));
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy['connect-src']).toEqual(["'self'", 'https://api.tickets.example', 'wss://api.tickets.example']);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['worker-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'self'"]);
  });

  it("adds only what Next.js's development server needs in development", () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'n', gatewayUrl: 'http://127.0.0.1:3000', dev: true }));
    expect(policy['script-src']).toContain("'unsafe-eval'");
    expect(policy['connect-src']).toEqual(["'self'", 'http://127.0.0.1:3000', 'ws://127.0.0.1:3000', 'ws:', 'wss:']);
  });
});
