/**
 * Where the gateway lives. The server renders pages with GATEWAY_INTERNAL_URL
 * (read at request time, so one build runs in any topology); the browser talks
 * to NEXT_PUBLIC_GATEWAY_URL, which Next.js inlines into the client bundle at
 * build time.
 */
const DEFAULT_INTERNAL_GATEWAY_URL = 'http://127.0.0.1:3000';
const DEFAULT_PUBLIC_GATEWAY_URL = 'http://localhost:3000';

function parseBaseUrl(name: string, value: string | undefined, fallback: string): string {
  const raw = value?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** The gateway's base URL as the browser sees it (for links and preloads rendered on the server). */
export function publicGatewayUrl(): string {
  return parseBaseUrl('NEXT_PUBLIC_GATEWAY_URL', process.env.NEXT_PUBLIC_GATEWAY_URL, DEFAULT_PUBLIC_GATEWAY_URL);
}

/** The gateway's base URL (no trailing slash) as seen from where this code runs. */
export function gatewayUrl(): string {
  if (typeof window === 'undefined') {
    return parseBaseUrl('GATEWAY_INTERNAL_URL', process.env.GATEWAY_INTERNAL_URL, DEFAULT_INTERNAL_GATEWAY_URL);
  }
  return publicGatewayUrl();
}

/**
 * Demo mode offers one-click sign-in as the seeded demo users (alice, bob,
 * charlie, admin). On unless NEXT_PUBLIC_DEMO_MODE is "false": local runs are
 * demos; a production build turns it off.
 */
export function isDemoMode(): boolean {
  return process.env.NEXT_PUBLIC_DEMO_MODE?.trim().toLowerCase() !== 'false';
}
