import { loadConfig } from '@seatstorm/config';
import { describe, expect, it } from 'vitest';
import { ClientIps } from './client-ips';

const clientIpsTrusting = (proxies?: string) => new ClientIps(loadConfig(proxies === undefined ? {} : { TRUSTED_PROXIES: proxies }));
const forwardedFor = (value: string) => ({ 'x-forwarded-for': value });

describe('ClientIps', () => {
  it('is the peer when nothing is forwarded', () => {
    expect(clientIpsTrusting().of('203.0.113.7', {})).toBe('203.0.113.7');
    expect(clientIpsTrusting().of('127.0.0.1', {})).toBe('127.0.0.1');
  });

  it('believes X-Forwarded-For from a trusted proxy (loopback by default): the last address it did not add itself', () => {
    expect(clientIpsTrusting().of('127.0.0.1', forwardedFor('198.51.100.4'))).toBe('198.51.100.4');
    // Whatever the client wrote left of what the proxy appended never counts.
    expect(clientIpsTrusting().of('127.0.0.1', forwardedFor('10.9.9.9, 198.51.100.4'))).toBe('198.51.100.4');
  });

  it('ignores X-Forwarded-For from any other peer', () => {
    expect(clientIpsTrusting().of('203.0.113.7', forwardedFor('198.51.100.4'))).toBe('203.0.113.7');
    expect(clientIpsTrusting('none').of('127.0.0.1', forwardedFor('198.51.100.4'))).toBe('127.0.0.1');
  });

  it('walks past every trusted hop, by address or CIDR range', () => {
    const ips = clientIpsTrusting('10.0.0.0/8, 192.0.2.1');
    expect(ips.of('192.0.2.1', forwardedFor('198.51.100.4, 10.1.2.3'))).toBe('198.51.100.4');
    expect(ips.of('192.0.2.1', forwardedFor('198.51.100.4, 203.0.113.9, 10.1.2.3'))).toBe('203.0.113.9');
    expect(ips.of('192.0.2.2', forwardedFor('198.51.100.4'))).toBe('192.0.2.2');
  });

  it('reads IPv4-mapped peers as their IPv4 address when deciding trust', () => {
    expect(clientIpsTrusting().of('::ffff:127.0.0.1', forwardedFor('198.51.100.4'))).toBe('198.51.100.4');
  });

  it('is told TRUSTED_PROXIES it can read, or the configuration is refused at boot', () => {
    expect(loadConfig({ TRUSTED_PROXIES: 'none' }).TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' }).TRUSTED_PROXIES).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/TRUSTED_PROXIES/);
  });
});
