import { describe, expect, it } from 'vitest';
import { outageOf } from './outage';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('outageOf', () => {
  it.each([
    ['PostgreSQL refusing connections', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception', withCode('connection failure', '08006')],
    ["Prisma's can't reach the database", withCode("Can't reach database server", 'P1001')],
    ['Redis away', new Error('Connection is closed.')],
    ['a driver error under a wrapper', new Error('query failed', { cause: withCode('read ECONNRESET', 'ECONNRESET') })],
    ["Prisma's driver adapter error", Object.assign(new Error('adapter'), { meta: { driverAdapterError: { cause: { code: '57P01' } } } })],
  ])('answers 503 SERVICE_UNAVAILABLE for %s', (_, error) => {
    expect(outageOf(error)?.toBody()).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint', withCode('duplicate key value violates unique constraint', '23505')],
    ['an overflow', withCode('integer out of range', '22003')],
    ['not an error at all', 'nope'],
  ])('leaves %s alone (a 500 then)', (_, error) => {
    expect(outageOf(error)).toBeUndefined();
  });
});
