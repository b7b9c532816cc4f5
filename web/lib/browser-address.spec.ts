import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { browserAddressOf, stampBrowserAddress, trustedProxies } from './browser-address.mjs';

/** A request as server.mjs receives it: the connection's peer and the headers the client sent. */
function incoming(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

/** The headers a route handler then sees. */
const routeHeaders = (req: IncomingMessage) => new Headers(req.headers as Record<string, string>);

describe('the browser address the web server forwards', () => {
  it('is nothing before server.mjs stamps requests: a header a browser sent to `next start` is never passed on', () => {
    expect(browserAddressOf(new Headers({ 'x-forwarded-for': '198.51.100.4' }))).toBeUndefined();
  });

  it("is the connection's peer, whatever X-Forwarded-For the browser sent", () => {
    const req = incoming('203.0.113.7', { 'x-forwarded-for': '198.51.100.4' });
    stampBrowserAddress(req, trustedProxies(''));
    expect(browserAddressOf(routeHeaders(req))).toBe('203.0.113.7');
    const bare = incoming('203.0.113.8');
    stampBrowserAddress(bare, trustedProxies());
    expect(browserAddressOf(routeHeaders(bare))).toBe('203.0.113.8');
  });

  it('is what a trusted proxy in front of the web server forwarded (WEB_TRUSTED_PROXIES), and only what it added', () => {
    const trust = trustedProxies('10.0.0.0/8, loopback');
    const req = incoming('10.0.0.2', { 'x-forwarded-for': '192.0.2.99, 198.51.100.4' });
    stampBrowserAddress(req, trust);
    expect(browserAddressOf(routeHeaders(req))).toBe('198.51.100.4');
  });

  it('is nothing when the header the route sees holds no single address', () => {
    stampBrowserAddress(incoming('203.0.113.7'), trustedProxies(''));
    expect(browserAddressOf(new Headers())).toBeUndefined();
    expect(browserAddressOf(new Headers({ 'x-forwarded-for': '198.51.100.4, 203.0.113.7' }))).toBeUndefined();
  });
});
