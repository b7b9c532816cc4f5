import { Logger, type CallHandler, type ExecutionContext } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { firstValueFrom, of, throwError } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { DeploymentKafkaServer, RpcReplyInterceptor } from './rpc-server';

describe('the request-reply server', () => {
  it('survives a reply it cannot send: the failure is logged, never left to reject unhandled', async () => {
    const server = new DeploymentKafkaServer({ client: { brokers: ['127.0.0.1:9'] } }, 'deployment');
    const internals = server as unknown as { producer: unknown; logger: { error: (...args: unknown[]) => void } };
    internals.producer = { send: () => Promise.reject(new Error('the broker is away')) };
    const logged = vi.spyOn(internals.logger, 'error').mockImplementation(() => undefined);

    // As Nest answers a request: the reply stream goes out through a publisher, from a callback nobody awaits.
    server.send(of({ ok: true, data: {} }), server.getPublisher('catalog.get-event.reply', '0', 'corr-1', {} as KafkaContext));

    await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.objectContaining({ correlationId: 'corr-1' }), 'could not send a reply'));
  });

  it('answers a handler whose database is away SERVICE_UNAVAILABLE, and a bug INTERNAL_ERROR', async () => {
    Logger.overrideLogger(false);
    const context = { getHandler: () => function findBooking() {} } as unknown as ExecutionContext;
    const failing = (error: Error): CallHandler => ({ handle: () => throwError(() => error) });
    const interceptor = new RpcReplyInterceptor();

    const away = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(await firstValueFrom(interceptor.intercept(context, failing(away)))).toMatchObject({
      ok: false,
      error: { statusCode: 503, error: 'SERVICE_UNAVAILABLE' },
    });
    expect(await firstValueFrom(interceptor.intercept(context, failing(new TypeError('x is undefined'))))).toMatchObject({
      ok: false,
      error: { statusCode: 500, error: 'INTERNAL_ERROR' },
    });
  });
});
