import { ContractViolation } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { errorAnswerOf, INTERNAL_ERROR_MESSAGE } from './error-answer';

describe('how every edge answers an error', () => {
  it('answers a domain error as it is, and a broken contract as VALIDATION_FAILED with its issues', () => {
    const taken = new DomainError('SEAT_UNAVAILABLE', 'Those seats were just taken.', { seatIds: ['evt_1_A1'] });
    expect(errorAnswerOf(taken)).toEqual({ answer: taken, kind: 'expected' });

    const broken = new ContractViolation('hold request', [{ path: 'seatIds', message: 'Too big' }]);
    const { answer, kind } = errorAnswerOf(broken);
    expect(kind).toBe('expected');
    expect(answer.toBody()).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', details: broken.issues });
  });

  it('answers a dependency that is away 503, and anything else 500 without internals', () => {
    const away = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(errorAnswerOf(away)).toMatchObject({ kind: 'outage', answer: { code: 'SERVICE_UNAVAILABLE' } });

    const bug = errorAnswerOf(new TypeError("Cannot read properties of undefined (reading 'seats')"));
    expect(bug.kind).toBe('bug');
    expect(bug.answer.toBody()).toEqual({ statusCode: 500, error: 'INTERNAL_ERROR', message: INTERNAL_ERROR_MESSAGE });
  });
});
