/** Where the stack under test runs. */
export function baseUrl(): string {
  return (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

export function gatewayUrl(): string {
  return (process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/** A second gateway of the same stack (its own port), for specs that stop the first. */
export function secondGatewayUrl(): string {
  return (process.env.E2E_GATEWAY_2_URL ?? 'http://127.0.0.1:3102').replace(/\/+$/, '');
}
