import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config';
import { parseTicketSigningKey, ticketPublicKeyAnswer, ticketSigningKeysOf } from './ticket-signing-key';

const ed25519 = () => generateKeyPairSync('ed25519').privateKey;

describe('TICKET_SIGNING_KEY', () => {
  it('takes an Ed25519 private key as PKCS#8 PEM (its line breaks written as \\n or not) or base64 DER', () => {
    const key = ed25519();
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const publicPem = createPublicKey(key).export({ format: 'pem', type: 'spki' });
    for (const written of [pem, pem.trim().replaceAll('\n', '\\n'), der]) {
      const { publicKey } = ticketSigningKeysOf(loadConfig({ TICKET_SIGNING_KEY: written }));
      expect(publicKey.export({ format: 'pem', type: 'spki' })).toEqual(publicPem);
    }
  });

  it('refuses at boot anything that is not an Ed25519 private key, naming the variable', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const publicOnly = createPublicKey(ed25519()).export({ format: 'pem', type: 'spki' }).toString();
    for (const bad of ['a'.repeat(64), 'not a key', rsa, publicOnly]) {
      expect(parseTicketSigningKey(bad)).toBeUndefined();
      expect(() => loadConfig({ TICKET_SIGNING_KEY: bad })).toThrow(/TICKET_SIGNING_KEY: must be an Ed25519 private key/);
    }
  });

  it('is derived from JWT_SECRET when unset: the same for every process of a deployment, another for another secret', () => {
    const pem = (config: Parameters<typeof ticketSigningKeysOf>[0]) => ticketSigningKeysOf(config).publicKey.export({ format: 'pem', type: 'spki' });
    expect(loadConfig({}).TICKET_SIGNING_KEY).toBeUndefined();
    expect(pem(loadConfig({}))).toEqual(pem(loadConfig({})));
    expect(pem(loadConfig({ JWT_SECRET: 'x'.repeat(32) }))).not.toEqual(pem(loadConfig({})));
    const { privateKey, publicKey } = ticketSigningKeysOf(loadConfig({}));
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    expect(verify(null, Buffer.from('ST1.x'), publicKey, sign(null, Buffer.from('ST1.x'), privateKey))).toBe(true);
  });

  it('publishes the public half as PEM and JWK, one key, with an id that changes with it', () => {
    const { publicKey } = ticketSigningKeysOf(loadConfig({}));
    const answer = ticketPublicKeyAnswer(publicKey);
    expect(answer).toMatchObject({ algorithm: 'Ed25519', codeVersion: 'ST1', jwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(createPublicKey({ key: answer.jwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' })).toBe(answer.publicKey);
    expect(answer.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(ticketPublicKeyAnswer(createPublicKey(ed25519())).keyId).not.toBe(answer.keyId);
    expect(answer).not.toHaveProperty('d');
    expect(answer.jwk).not.toHaveProperty('d');
  });
});
