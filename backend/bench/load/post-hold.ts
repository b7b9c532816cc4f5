import { request, type Agent } from 'node:http';

export interface HoldRequest {
  token: string;
  /** The JSON body of POST /bookings. */
  body: string;
  idempotencyKey?: string;
  /** Unanswered this long, the request is abandoned as `timeout`. */
  timeoutMs?: number;
}

/**
 * One POST /bookings over a keep-alive node:http agent, the cheapest client
 * Node has, so a load generator costs as little as possible. Resolves with
 * the HTTP status as text, `timeout`, or `error`; never rejects.
 */
export function postHold(agent: Agent, gatewayUrl: URL, hold: HoldRequest): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        hostname: gatewayUrl.hostname,
        port: gatewayUrl.port,
        path: '/bookings',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(hold.body),
          authorization: `Bearer ${hold.token}`,
          ...(hold.idempotencyKey ? { 'idempotency-key': hold.idempotencyKey } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.statusCode ?? 0)));
        res.on('error', () => resolve('error'));
      },
    );
    if (hold.timeoutMs !== undefined) {
      req.setTimeout(hold.timeoutMs, () => {
        req.destroy();
        resolve('timeout');
      });
    }
    req.on('error', () => resolve('error'));
    req.end(hold.body);
  });
}
