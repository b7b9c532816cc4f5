import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './api-routes';

const collection = readFileSync(resolve(__dirname, '../../../../../docs/api/seatstorm.http'), 'utf8');
const requests = [...collection.matchAll(/^(GET|POST|PUT|PATCH|DELETE) \{\{host\}\}(\S*)/gm)].map(([, method, url]) => ({
  method: method!,
  path: url!.split('?')[0]!,
}));

/** The described route a concrete request goes to: `/bookings/{{bookingId}}/pay` → `POST /bookings/{id}/pay`. */
function routeOf(method: string, path: string): string[] {
  return API_ROUTES.filter((route) => route.method.toUpperCase() === method)
    .filter((route) => new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
    .map((route) => `${method} ${route.path}`);
}

describe('docs/api/seatstorm.http', () => {
  it('sends only requests to routes the API describes, each to exactly one', () => {
    expect(requests.length).toBeGreaterThan(10);
    for (const { method, path } of requests)
      expect({ request: `${method} ${path}`, routes: routeOf(method, path).length }).toEqual({ request: `${method} ${path}`, routes: 1 });
  });

  it('walks through signing in, holding, paying and the admin’s event, with the host and tokens as variables', () => {
    const routes = requests.flatMap(({ method, path }) => routeOf(method, path));
    expect(routes).toEqual(
      expect.arrayContaining(['POST /auth/login', 'GET /events', 'POST /bookings', 'POST /bookings/{id}/pay', 'GET /bookings/{id}', 'POST /events']),
    );
    expect(collection).toMatch(/^@host = /m);
    expect(collection).toMatch(/^Authorization: Bearer \{\{token\}\}$/m);
    expect(collection).toMatch(/^Idempotency-Key: /m);
  });
});
