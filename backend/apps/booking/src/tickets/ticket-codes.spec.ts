import { generateKeyPairSync } from 'node:crypto';
import { parseTicketCode, type TicketClaims } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { signTicketCode, verifyTicketCode } from './ticket-codes';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const claims: TicketClaims = { ticketId: 'tkt_0123456789abcdef0123', eventId: 'evt_eras', seatId: 'evt_eras_A1', issuedAt: new Date('2026-12-07T20:15:42Z') };

/** The code with one character of one part swapped for another of the alphabet: one changed byte (or a few bits). */
function altered(code: string, part: 1 | 2, at: number): string {
  const parts = code.split('.');
  const text = parts[part]!;
  const swapped = text[at] === 'A' ? 'B' : 'A';
  parts[part] = `${text.slice(0, at)}${swapped}${text.slice(at + 1)}`;
  return parts.join('.');
}

describe('ticket codes', () => {
  it('verify with the public key alone, and say what they claim', () => {
    const code = signTicketCode(claims, privateKey);
    expect(verifyTicketCode(code, publicKey)).toEqual(claims);
    // Ed25519 is deterministic: a ticket reads the same every time it is shown.
    expect(signTicketCode(claims, privateKey)).toBe(code);
  });

  it('fail when one byte of the payload or the signature is changed', () => {
    const code = signTicketCode(claims, privateKey);
    const [, payload, signature] = code.split('.') as [string, string, string];
    for (let at = 0; at < payload.length - 1; at += 1) expect(verifyTicketCode(altered(code, 1, at), publicKey)).toBeUndefined();
    for (let at = 0; at < signature.length - 1; at += 1) expect(verifyTicketCode(altered(code, 2, at), publicKey)).toBeUndefined();
  });

  it('fail for another seat or event put in a genuine code’s payload, signature kept', () => {
    const code = signTicketCode(claims, privateKey);
    const other = signTicketCode({ ...claims, seatId: 'evt_eras_A2' }, privateKey);
    const spliced = [...code.split('.').slice(0, 2), other.split('.')[2]].join('.');
    expect(parseTicketCode(spliced)?.claims.seatId).toBe(claims.seatId);
    expect(verifyTicketCode(spliced, publicKey)).toBeUndefined();
  });

  it('fail with another key', () => {
    const code = signTicketCode(claims, privateKey);
    const other = generateKeyPairSync('ed25519');
    expect(verifyTicketCode(code, other.publicKey)).toBeUndefined();
    expect(verifyTicketCode(signTicketCode(claims, other.privateKey), publicKey)).toBeUndefined();
  });

  it('reject what is not a code without throwing', () => {
    for (const notACode of ['', 'hello', 'ST1..', 'ST1.e30.', `ST2.${signTicketCode(claims, privateKey).slice(4)}`]) {
      expect(verifyTicketCode(notACode, publicKey)).toBeUndefined();
    }
  });
});
