import { ContractViolation } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { INTERNAL_ERROR_MESSAGE, toDomainError } from './to-domain-error';

describe('the domain error every edge sends for a thrown error', () => {
  it('is a domain error as it is, and a broken contract as VALIDATION_FAILED with its issues', () => {
    const taken = new DomainError('SEAT_UNAVAILABLE', 'Those seats were just taken.', { seatIds: ['evt_1_A1'] });
    expect(toDomainError(taken)).toEqual({ domainError: taken, classification: 'expected' });

    const broken = new ContractViolation('hold request', [{ path: 'seatIds', message: 'Too big' }]);
    const { domainError, classification } = toDomainError(broken);
    expect(classification).toBe('expected');
    expect(domainError.toBody()).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', details: broken.issues });
  });

  it('is 503 for a dependency that is away, and 500 without internals for anything else', () => {
    const away = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toDomainError(away)).toMatchObject({ classification: 'outage', domainError: { code: 'SERVICE_UNAVAILABLE' } });

    const bug = toDomainError(new TypeError("Cannot read properties of undefined (reading 'seats')"));
    expect(bug.classification).toBe('bug');
    expect(bug.domainError.toBody()).toEqual({ statusCode: 500, error: 'INTERNAL_ERROR', message: INTERNAL_ERROR_MESSAGE });
  });
});
