import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { TICKET_CODE_VERSION, type TicketPublicKey } from '@seatstorm/contracts';

/** An Ed25519 private key as PKCS#8 DER is this fixed prefix and the key's 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface TicketSigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * TICKET_SIGNING_KEY as a key: PKCS#8 PEM (its line breaks may be written `\n`, as one
 * line of an env file) or base64 DER; undefined unless it is an Ed25519 private key.
 */
export function parseTicketSigningKey(text: string): KeyObject | undefined {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey(trimmed.replaceAll('\\n', '\n'))
      : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key ticket codes are signed with, and its public half. Without TICKET_SIGNING_KEY it is
 * derived from JWT_SECRET (HKDF, as the admission pass key is): development gets a key with no
 * setup, and a deployment one exactly as secret as JWT_SECRET, which production requires. A
 * deployment should still set one of its own: codes are checked against the key in force, so
 * rotating JWT_SECRET would void every ticket already printed.
 */
export function ticketSigningKeysOf(config: { TICKET_SIGNING_KEY?: string; JWT_SECRET: string }): TicketSigningKeys {
  const privateKey = config.TICKET_SIGNING_KEY === undefined ? derivedFrom(config.JWT_SECRET) : parseTicketSigningKey(config.TICKET_SIGNING_KEY);
  // loadConfig refused anything else at boot.
  if (!privateKey) throw new Error('TICKET_SIGNING_KEY is not an Ed25519 private key');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** GET /tickets/public-key: the public key as PEM and JWK, and an id that changes with it. */
export function ticketPublicKeyAnswer(publicKey: KeyObject): TicketPublicKey {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('the ticket signing key is not an Ed25519 key');
  return {
    algorithm: 'Ed25519',
    codeVersion: TICKET_CODE_VERSION,
    keyId: createHash('sha256').update(der).digest('base64url').slice(0, 16),
    publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
  };
}

function derivedFrom(jwtSecret: string): KeyObject {
  const seed = Buffer.from(hkdfSync('sha256', jwtSecret, 'seatstorm', 'ticket signing key', 32));
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}
