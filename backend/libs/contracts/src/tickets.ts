import { z } from 'zod';
import { seatSchema } from './catalog';
import { idSchema, isoDateTimeSchema } from './ids';
import { bookingStatusSchema } from './statuses';

// WARNING: printed on tickets. A new code format gets a new version; never change ST1's (below).
export const TICKET_CODE_VERSION = 'ST1';

// WARNING: ticket statuses travel on the wire and are stored in PostgreSQL.
// Never rename one; add new ones at the end.
/**
 * A ticket is `valid` from the moment its booking is confirmed, `checked_in` after its
 * first scan at the door, and `revoked` once its booking is being refunded (cancelled by
 * its owner, or refunded otherwise): a revoked ticket never lets anyone in.
 */
export const ticketStatusSchema = z.enum(['valid', 'revoked', 'checked_in']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;
export const TICKET_STATUSES = ticketStatusSchema.options;

/** The seat a ticket is for, named as the seat map names it. */
export const ticketSeatSchema = seatSchema.pick({ label: true, section: true, row: true, number: true, tier: true });
export type TicketSeat = z.infer<typeof ticketSeatSchema>;

/**
 * One ticket as the API shows it: one per seat of a confirmed booking. `code` is what
 * the QR code and the printed ticket carry (the signed ticket code below); the door
 * checks it with POST /check-in, and a scanner can check its signature offline with
 * the public key of GET /tickets/public-key alone.
 */
export const ticketSchema = z.object({
  id: idSchema,
  bookingId: idSchema,
  eventId: idSchema,
  seatId: idSchema,
  seat: ticketSeatSchema,
  /** The booking's owner, as their account names them. */
  holderName: z.string(),
  status: ticketStatusSchema,
  issuedAt: isoDateTimeSchema,
  /** The first scan at the door; null until then. */
  checkedInAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
  code: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

/**
 * GET /bookings/:id/tickets: the booking's tickets, by seat. A booking has tickets from
 * its confirmation on; one that never was confirmed (reserved, paid, expired …) answers
 * an empty list, with its status saying why. A refunded booking's tickets are listed
 * `revoked`.
 */
export const bookingTicketsSchema = z.object({
  bookingId: idSchema,
  bookingStatus: bookingStatusSchema,
  tickets: z.array(ticketSchema),
});
export type BookingTickets = z.infer<typeof bookingTicketsSchema>;

/** The longest ticket code a scanner may send: real ones are about 250 characters. */
export const TICKET_CODE_MAX_LENGTH = 1024;

/**
 * POST /check-in. A scanner is set up for one event (`eventId`), so a ticket for
 * another event is refused TICKET_WRONG_EVENT rather than let in. `code` is the
 * ticket code as scanned or typed (surrounding whitespace ignored).
 */
export const checkInRequestSchema = z.object({
  eventId: idSchema,
  code: z.string().trim().min(1).max(TICKET_CODE_MAX_LENGTH),
});
export type CheckInRequest = z.infer<typeof checkInRequestSchema>;

/**
 * GET /events/:eventId/check-ins, and the count a check-in answers with: people let in
 * (tickets `checked_in`) and tickets that may still come (`valid` and `checked_in`).
 */
export const checkInCountSchema = z.object({
  eventId: idSchema,
  checkedIn: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type CheckInCount = z.infer<typeof checkInCountSchema>;

/**
 * The answer to a first scan (200): the ticket, now `checked_in`, with its seat, holder
 * and `checkedInAt`, and the event's running count including this scan.
 */
export const checkInResultSchema = z.object({
  ticket: ticketSchema,
  count: checkInCountSchema,
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;

/** `details` of 409 ALREADY_CHECKED_IN: when the first scan let the holder in, and the ticket as it stands. */
export const alreadyCheckedInDetailsSchema = z.object({
  checkedInAt: isoDateTimeSchema,
  ticket: ticketSchema,
});
export type AlreadyCheckedInDetails = z.infer<typeof alreadyCheckedInDetailsSchema>;

/** `details` of 409 TICKET_REVOKED: when the ticket stopped being valid, and the ticket. */
export const ticketRevokedDetailsSchema = z.object({
  revokedAt: isoDateTimeSchema,
  ticket: ticketSchema,
});
export type TicketRevokedDetails = z.infer<typeof ticketRevokedDetailsSchema>;

/** `details` of 409 TICKET_WRONG_EVENT: the event the (genuine) ticket is for. */
export const ticketWrongEventDetailsSchema = z.object({
  ticketEventId: idSchema,
});
export type TicketWrongEventDetails = z.infer<typeof ticketWrongEventDetailsSchema>;

/**
 * GET /tickets/public-key: the key every ticket code is signed with (Ed25519), for
 * scanners that check codes offline. The same key as SPKI PEM (`publicKey`, for
 * OpenSSL and Node's `crypto.createPublicKey`) and as a JWK (for Web Crypto's
 * `importKey('jwk', …, 'Ed25519')`); `keyId` changes when the key does.
 */
export const ticketPublicKeySchema = z.object({
  algorithm: z.literal('Ed25519'),
  codeVersion: z.literal(TICKET_CODE_VERSION),
  keyId: z.string(),
  publicKey: z.string(),
  jwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string() }),
});
export type TicketPublicKey = z.infer<typeof ticketPublicKeySchema>;

// ── The ticket code ─────────────────────────────────────────────────────────
//
// `ST1.<payload>.<signature>`, both parts base64url without padding:
//   payload    the JSON of TicketClaims in short keys, {"t","e","s","i"}: ticket id,
//              event id, seat id, and the issue time in seconds since the epoch.
//              Nothing about the holder: a code says which seat, never who.
//   signature  Ed25519 over the ASCII bytes of `ST1.<payload>` (so the version is
//              signed too), 64 bytes.
// A scanner needs only the public key to tell a genuine code from a forged or
// altered one; whether it was revoked or already used only the door knows.
// What follows is the format alone, no cryptography, so that any client can
// read codes; the backend signs and verifies with Node's crypto, a browser can
// verify with Web Crypto's Ed25519.

/** What a ticket code says, signed. */
export interface TicketClaims {
  ticketId: string;
  eventId: string;
  seatId: string;
  /** When the ticket was issued, to the second. */
  issuedAt: Date;
}

const ED25519_SIGNATURE_BYTES = 64;

const claimsPayloadSchema = z.object({ t: idSchema, e: idSchema, s: idSchema, i: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).strict();

/** The part of a ticket code the signature covers: `ST1.<payload>`. */
export function ticketSigningInput(claims: TicketClaims): string {
  const payload = { t: claims.ticketId, e: claims.eventId, s: claims.seatId, i: Math.floor(claims.issuedAt.getTime() / 1000) };
  return `${TICKET_CODE_VERSION}.${base64UrlOfAscii(JSON.stringify(payload))}`;
}

/** The code: the signing input and its signature. */
export function ticketCodeOf(signingInput: string, signature: Uint8Array): string {
  return `${signingInput}.${base64UrlEncode(signature)}`;
}

/** A code read apart: its claims, the text that was signed, and the signature to check against it. */
export interface ParsedTicketCode {
  claims: TicketClaims;
  signingInput: string;
  signature: Uint8Array;
}

/**
 * Reads a ticket code apart without checking its signature: undefined for anything that
 * is not one (another QR code, a truncated scan, an unknown version), with no exceptions.
 */
export function parseTicketCode(code: string): ParsedTicketCode | undefined {
  const parts = code.trim().split('.');
  if (parts.length !== 3) return undefined;
  const [version, payload, signature] = parts as [string, string, string];
  if (version !== TICKET_CODE_VERSION) return undefined;
  const json = asciiOfBase64Url(payload);
  const signatureBytes = base64UrlDecode(signature);
  if (json === undefined || signatureBytes?.length !== ED25519_SIGNATURE_BYTES) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(json);
  } catch {
    return undefined;
  }
  const claims = claimsPayloadSchema.safeParse(decoded);
  if (!claims.success) return undefined;
  const { t, e, s, i } = claims.data;
  return { claims: { ticketId: t, eventId: e, seatId: s, issuedAt: new Date(i * 1000) }, signingInput: `${version}.${payload}`, signature: signatureBytes };
}

// Base64url by hand: the contracts run in Node and in browsers alike, and are typed for neither (no Buffer, no btoa).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Map([...ALPHABET].map((char, value) => [char, value]));

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c += 1) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** The bytes of unpadded base64url text; undefined when it is not that (a foreign character, an impossible length, stray bits). */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUE_OF.get(char);
    if (value === undefined) return undefined;
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  // The bits left over must be zero, or two texts would decode to the same bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined;
  return bytes;
}

function base64UrlOfAscii(text: string): string {
  return base64UrlEncode(Uint8Array.from(text, (char) => char.charCodeAt(0)));
}

/** Ids and numbers are ASCII (idSchema), so the payload is too: anything else is not a ticket's. */
function asciiOfBase64Url(text: string): string | undefined {
  const bytes = base64UrlDecode(text);
  if (!bytes || bytes.some((byte) => byte > 0x7e || byte < 0x20)) return undefined;
  return String.fromCharCode(...bytes);
}
