import { Logger } from '@nestjs/common';
import { ContractViolation, errorBodySchema, holdPayloadSchema, parseContract } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { beforeAll, describe, expect, it } from 'vitest';
import { ackOf } from './socket-ack';

describe('socket acks', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answer what the handler returns', async () => {
    expect(await ackOf('subscribe', () => ({ version: 3 }))).toEqual({ version: 3 });
    expect(await ackOf('subscribe', async () => ({ version: 4 }))).toEqual({ version: 4 });
  });

  it('answer a domain error with the body REST gives it: status, stable code, message, details', async () => {
    const lost = new DomainError('SEAT_UNAVAILABLE', 'Seat A1 is no longer available.', { seatIds: ['evt_a_A1'] });
    expect(await ackOf('hold', () => Promise.reject(lost))).toEqual({
      statusCode: 409,
      error: 'SEAT_UNAVAILABLE',
      message: 'Seat A1 is no longer available.',
      details: { seatIds: ['evt_a_A1'] },
    });
    expect(
      await ackOf('hold', () => {
        throw new DomainError('RATE_LIMITED', 'Slow down.');
      }),
    ).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED' });
  });

  it('answer a payload that breaks the contract with VALIDATION_FAILED naming each field', async () => {
    const body = await ackOf('hold', () => parseContract(holdPayloadSchema, { eventId: 'evt a', seatIds: [] }, 'hold'));
    const error = errorBodySchema.parse(body);
    expect(error).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED' });
    expect(error.message).toContain('eventId');
    expect(error.message).toContain('seatIds');
    expect(error.message).toContain('idempotencyKey');
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'seatIds' })]));
    expect(await ackOf('x', () => Promise.reject(new ContractViolation('x', [{ path: '', message: 'bad' }])))).toMatchObject({ statusCode: 400 });
  });

  it('answer a dependency that is away with SERVICE_UNAVAILABLE, to be tried again, never the internals', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.3:5432'), { code: 'ECONNREFUSED' });
    const body = errorBodySchema.parse(await ackOf('release', () => Promise.reject(refused)));
    expect(body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });
    expect(JSON.stringify(body)).not.toContain('10.0.0.3');
  });

  it('answer anything else with INTERNAL_ERROR and a correlation id, never the internals', async () => {
    const body = errorBodySchema.parse(await ackOf('release', () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'seats')"))));
    expect(body).toMatchObject({ statusCode: 500, error: 'INTERNAL_ERROR', correlationId: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('seats');
  });
});
