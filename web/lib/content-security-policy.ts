/**
 * The Content-Security-Policy of every page (proxy.ts sets it with a fresh
 * nonce per request; Next.js puts the nonce on the scripts it renders).
 * Scripts run only from this site and with the nonce ('strict-dynamic' lets
 * them load their chunks); the page connects only to itself and the gateway
 * (REST and socket.io's WebSocket); nothing may frame it. Styles allow inline
 * `style` attributes: the seat maps position and colour seats with them.
 * Workers come from this site only (the seat map reads its snapshot in one):
 * under 'strict-dynamic' a worker would otherwise need a nonce, which a
 * worker script cannot carry.
 */
export function contentSecurityPolicy({ nonce, gatewayUrl, dev }: { nonce: string; gatewayUrl: string; dev: boolean }): string {
  const gateway = new URL(gatewayUrl);
  const socket = `${gateway.protocol === 'https:' ? 'wss:' : 'ws:'}//${gateway.host}`;
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The development server's hot reload speaks WebSocket to this same server.
    `connect-src 'self' ${gateway.origin} ${socket}${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
