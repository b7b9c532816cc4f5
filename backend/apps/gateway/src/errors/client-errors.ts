import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DomainError } from '@seatstorm/errors';

/**
 * Requests Node's HTTP parser refuses before Express sees them: headers or a
 * URL past its 16 kB limit (431), or bytes that are not HTTP (400). Node would
 * answer those with an empty body; here they get the contract's error body,
 * like every other refusal, so a client can read why.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const [status, reason, message] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers or URL are larger than the gateway accepts.']
        : [400, 'Bad Request', 'The request is not valid HTTP.'];
    const body = JSON.stringify({ ...new DomainError('VALIDATION_FAILED', message).toBody(), statusCode: status });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
