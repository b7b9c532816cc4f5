import { NextResponse, type NextRequest } from 'next/server';
import { publicGatewayUrl } from '@/lib/config';
import { contentSecurityPolicy } from '@/lib/content-security-policy';

/**
 * Every page gets a Content-Security-Policy with a nonce of its own
 * (lib/content-security-policy.ts). Next.js reads the policy from the request
 * to put the nonce on the scripts it renders, so it goes on both. The pages
 * read the session cookie and are rendered per request anyway.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({ nonce, gatewayUrl: publicGatewayUrl(), dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: not the route handlers, Next.js's static files, or prefetches (which render no scripts).
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
