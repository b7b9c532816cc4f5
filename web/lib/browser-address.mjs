// Plain JavaScript, so that server.mjs (run by Node as it is) and the route handlers (built
// by Next.js) share it; its types are in browser-address.d.mts.
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';

// WARNING: the gateway reads the browser's address from this header (docs/architecture.md §6).
const FORWARDED_FOR = 'x-forwarded-for';
/** Set once server.mjs stamps requests: only then is the header this server's word. */
const STAMPING = Symbol.for('seatstorm.web.stamps-browser-addresses');

/**
 * The proxies in front of the web server whose X-Forwarded-For it believes
 * (WEB_TRUSTED_PROXIES: comma-separated addresses, CIDR ranges, or loopback,
 * linklocal, uniquelocal, as proxy-addr reads them); none unless set, so a
 * browser's connection is the browser.
 */
export function trustedProxies(value = process.env.WEB_TRUSTED_PROXIES ?? '') {
  return proxyaddr.compile(
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}

/**
 * For every request, before Next.js sees it (server.mjs): replaces its
 * X-Forwarded-For with the one address the browser connected from, as this
 * server knows it: its connection's peer or, when that peer is a trusted
 * proxy, the address the proxies forwarded. Whatever a browser wrote into the
 * header itself goes no further.
 */
export function stampBrowserAddress(req, trust) {
  globalThis[STAMPING] = true;
  const address = proxyaddr(req, trust);
  if (address) req.headers[FORWARDED_FOR] = address;
  else delete req.headers[FORWARDED_FOR];
}

/**
 * In a route handler: the browser's address that server.mjs stamped, for the
 * gateway. Undefined when the app was started some other way (`next start`
 * keeps an X-Forwarded-For the browser sent, which must not be passed on as
 * the truth): the gateway then sees this server's own address, as before.
 */
export function browserAddressOf(headers) {
  if (globalThis[STAMPING] !== true) return undefined;
  const address = headers.get(FORWARDED_FOR)?.trim();
  return address && isIP(address) !== 0 ? address : undefined;
}
