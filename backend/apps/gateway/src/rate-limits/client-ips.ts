import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import proxyaddr from 'proxy-addr';

/**
 * Who a request comes from, for the per-IP limits: the connection's peer,
 * unless the peer is a trusted proxy (TRUSTED_PROXIES), whose X-Forwarded-For
 * is then read from the right, past every trusted hop, to the first address
 * no trusted proxy added: what a client writes into the header itself is left
 * of that and never counts. REST requests (Express's `trust proxy` is this same
 * function, so `req.ip` agrees) and socket handshakes are read alike.
 */
@Injectable()
export class ClientIps {
  readonly trust: (address: string, hop: number) => boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.trust = proxyaddr.compile(config.TRUSTED_PROXIES);
  }

  /** The client behind a connection from `peerAddress` that sent `headers` (a request's, or a socket's handshake). */
  of(peerAddress: string | undefined, headers: IncomingHttpHeaders): string {
    // proxy-addr reads only the peer's address and the X-Forwarded-For header of what it is given.
    const request = { socket: { remoteAddress: peerAddress }, headers } as unknown as IncomingMessage;
    return proxyaddr(request, this.trust) ?? 'unknown';
  }
}
