// The web app's server: Next.js behind one step of its own (`npm run start`, `npm run dev`).
//
// The sign-in route calls the gateway from this server, so without more every browser's
// sign-in would reach the gateway from this one address, and a few wrong passwords anywhere
// would lock every browser out. The route therefore forwards the browser's address in
// X-Forwarded-For, and the gateway believes it from this server (TRUSTED_PROXIES). That
// address must be one a browser cannot forge, and Next.js 16 does not give a route handler
// one: it sets X-Forwarded-For from the connection only when the request has none
// (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in its base server) and passes
// a browser's own header through unchanged; a route sees headers, never the socket. So here,
// before Next.js sees a request, its X-Forwarded-For is replaced by the address the browser
// connected from (lib/browser-address.mjs), and the route forwards only that.
import { createServer } from 'node:http';
import { stampBrowserAddress, trustedProxies } from './lib/browser-address.mjs';

const dev = process.argv.includes('--dev');
const hostname = process.env.WEB_HOST || '0.0.0.0';
const port = Number(process.env.WEB_PORT || 3001);
// As `next start` and `next dev` do; before Next.js loads, since parts of it read it once.
process.env.NODE_ENV ??= dev ? 'development' : 'production';
const { default: next } = await import('next');

const trust = trustedProxies();
const server = createServer((req, res) => {
  stampBrowserAddress(req, trust);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// httpServer: Next.js answers WebSocket upgrades on it (the development server's hot reload).
const app = next({ dev, dir: import.meta.dirname, hostname, port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
server.listen(port, hostname, () => console.log(`▲ Seatstorm web app on http://${hostname}:${port}${dev ? ' (development)' : ''}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
