/** Where the stack under test runs. */
export function baseUrl(): string {
  return (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
}

export function gatewayUrl(): string {
  return (process.env.E2E_GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
