import { describe, expect, it } from 'vitest';
import { cookieOptions, isCrossSite, isJson, secureCookies } from './session-request';

const headers = (values: Record<string, string>) => new Headers({ host: 'tickets.example:3001', ...values });

describe('the sign-in route', () => {
  it('refuses what another site makes a browser send, as Sec-Fetch-Site tells it', () => {
    expect(isCrossSite(headers({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSite(headers({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    // Sec-Fetch-Site is the browser's word; an Origin that looks right does not overrule it.
    expect(isCrossSite(headers({ 'sec-fetch-site': 'cross-site', origin: 'http://tickets.example:3001' }))).toBe(true);
    expect(isCrossSite(headers({ 'sec-fetch-site': 'same-origin', origin: 'http://tickets.example:3001' }))).toBe(false);
  });

  it('without Sec-Fetch-Site, compares Origin with the host the request was sent to', () => {
    expect(isCrossSite(headers({ origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossSite(headers({ origin: 'http://tickets.example' }))).toBe(true);
    expect(isCrossSite(headers({ origin: 'null' }))).toBe(true);
    expect(isCrossSite(headers({ origin: 'http://tickets.example:3001' }))).toBe(false);
  });

  it('accepts a request no page sent (neither header)', () => {
    expect(isCrossSite(headers({}))).toBe(false);
  });

  it('reads JSON only: a form cannot send it across sites', () => {
    expect(isJson(headers({ 'content-type': 'application/json' }))).toBe(true);
    expect(isJson(headers({ 'content-type': 'Application/JSON; charset=utf-8' }))).toBe(true);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(isJson(headers({ 'content-type': type })), type).toBe(false);
    }
    expect(isJson(headers({}))).toBe(false);
  });

  it('marks cookies Secure by configuration, never by the URL the request came in on', () => {
    expect(secureCookies({ NODE_ENV: 'production' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'development' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'production', WEB_SECURE_COOKIES: 'false' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'development', WEB_SECURE_COOKIES: 'true' })).toBe(true);
    expect(cookieOptions(90.7, { NODE_ENV: 'production' })).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 90 });
    expect(cookieOptions(-5, {}).maxAge).toBe(0);
  });
});
