import { sign, verify, type KeyObject } from 'node:crypto';
import { parseTicketCode, ticketCodeOf, ticketSigningInput, type TicketClaims } from '@seatstorm/contracts';

/** A ticket's code (docs/architecture.md, "Tickets"): its claims, signed with Ed25519. Deterministic: the same ticket always reads the same. */
export function signTicketCode(claims: TicketClaims, privateKey: KeyObject): string {
  const input = ticketSigningInput(claims);
  return ticketCodeOf(input, sign(null, Buffer.from(input, 'ascii'), privateKey));
}

/**
 * The claims of a code signed with the private half of `publicKey`; undefined for anything
 * else: not a code, altered, forged, or signed with another key. Needs nothing but the key.
 */
export function verifyTicketCode(code: string, publicKey: KeyObject): TicketClaims | undefined {
  const parsed = parseTicketCode(code);
  if (!parsed) return undefined;
  return verify(null, Buffer.from(parsed.signingInput, 'ascii'), publicKey, parsed.signature) ? parsed.claims : undefined;
}
