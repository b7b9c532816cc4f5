import { describe, expect, it } from 'vitest';
import { base64UrlDecode, base64UrlEncode, parseTicketCode, TICKET_CODE_MAX_LENGTH, ticketCodeOf, ticketSigningInput, type TicketClaims } from './tickets';

const claims: TicketClaims = { ticketId: 'tkt_0123456789abcdef0123', eventId: 'evt_eras', seatId: 'evt_eras_A1', issuedAt: new Date('2026-12-07T20:15:42Z') };
const signature = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256);
/** Text as base64url, byte by byte (UTF-8 where it is not ASCII): the contracts know no Buffer. */
const encodeText = (text: string) => base64UrlEncode(Uint8Array.from(unescape(encodeURIComponent(text)), (char) => char.charCodeAt(0)));

describe('the ticket code format', () => {
  it('reads back what it wrote: the claims (to the second), the signed text and the signature', () => {
    const input = ticketSigningInput({ ...claims, issuedAt: new Date('2026-12-07T20:15:42.999Z') });
    const code = ticketCodeOf(input, signature);

    expect(code).toMatch(/^ST1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(code.length).toBeLessThan(TICKET_CODE_MAX_LENGTH);
    expect(parseTicketCode(code)).toEqual({ claims, signingInput: input, signature });
    expect(parseTicketCode(`  ${code}\n`)?.claims).toEqual(claims);
  });

  it('carries ids and a time, nothing about the holder', () => {
    const payload = ticketSigningInput(claims).split('.')[1]!;
    expect(JSON.parse(String.fromCharCode(...base64UrlDecode(payload)!))).toEqual({
      t: claims.ticketId,
      e: claims.eventId,
      s: claims.seatId,
      i: Date.parse('2026-12-07T20:15:42Z') / 1000,
    });
  });

  it('rejects what is not a ticket code', () => {
    const input = ticketSigningInput(claims);
    const [, payload] = input.split('.') as [string, string];
    const sig = base64UrlEncode(signature);
    const encode = (value: unknown) => encodeText(JSON.stringify(value));
    const notCodes = [
      '',
      'hello',
      'https://example.com/not-a-ticket',
      `ST1.${payload}`,
      `ST1.${payload}.${sig}.extra`,
      `ST2.${payload}.${sig}`,
      `st1.${payload}.${sig}`,
      `ST1.${payload}.${sig.slice(0, -2)}`,
      `ST1.${payload}.${sig}AA`,
      `ST1.${payload}=.${sig}`,
      `ST1.${payload.slice(0, -1)}*.${sig}`,
      `ST1.${encodeText('not json')}.${sig}`,
      `ST1.${encode({ t: 'tkt_x', e: 'evt_x', s: 'evt_x_A1' })}.${sig}`,
      `ST1.${encode({ t: 'tkt_x', e: 'evt_x', s: 'evt_x_A1', i: -1 })}.${sig}`,
      `ST1.${encode({ t: 'tkt x', e: 'evt_x', s: 'evt_x_A1', i: 1 })}.${sig}`,
      `ST1.${encode({ t: 'tkt_x', e: 'evt_x', s: 'evt_x_A1', i: 1, name: 'Alice' })}.${sig}`,
      `ST1.${encodeText('{"t":"tkt_é","e":"e","s":"s","i":1}')}.${sig}`,
    ];
    for (const code of notCodes) expect({ code, parsed: parseTicketCode(code) }).toEqual({ code, parsed: undefined });
  });
});

describe('base64url', () => {
  it("encodes RFC 4648's test vectors, URL-safe and unpadded", () => {
    const vectors = { '': '', f: 'Zg', fo: 'Zm8', foo: 'Zm9v', foob: 'Zm9vYg', fooba: 'Zm9vYmE', foobar: 'Zm9vYmFy' };
    for (const [text, encoded] of Object.entries(vectors)) expect(encodeText(text)).toBe(encoded);
    expect(base64UrlEncode(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });

  it('reads back every length and byte', () => {
    for (let length = 0; length < 70; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + length * 13) % 256);
      expect(base64UrlDecode(base64UrlEncode(bytes))).toEqual(bytes);
    }
  });

  it('refuses foreign characters, padding, impossible lengths and stray bits', () => {
    expect(base64UrlDecode('ab+c')).toBeUndefined();
    expect(base64UrlDecode('ab/c')).toBeUndefined();
    expect(base64UrlDecode('YQ==')).toBeUndefined();
    expect(base64UrlDecode('YWJjZ')).toBeUndefined();
    expect(base64UrlDecode('YR')).toBeUndefined();
    expect(base64UrlDecode('YQ')).toEqual(Uint8Array.of(0x61));
  });
});
