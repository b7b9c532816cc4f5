/**
 * The bare node:http baseline's server (forked by bare-http.ts, run under
 * tsx): reads each request's body and answers a small JSON, nothing else, on
 * a port of its own. What the same load generator reaches against it is the
 * ceiling every path of the stack is compared with.
 */
import { createServer } from 'node:http';

const BODY = JSON.stringify({ id: 'bkg_baseline', status: 'reserved' });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('disconnect', () => process.exit(0));
