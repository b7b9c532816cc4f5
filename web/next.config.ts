import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The web image (web/Dockerfile) builds with NEXT_OUTPUT=standalone: a server folder with only the
  // files it traces, for an image without the workspace's dependencies. Local builds (npm start, the
  // end-to-end suite) leave it off: they start server.mjs over the regular build.
  ...(process.env.NEXT_OUTPUT === 'standalone' ? { output: 'standalone' as const } : {}),
  // The end-to-end suite builds for its own gateway port into a folder of its own (scripts/e2e.sh), so a
  // running `npm start` keeps its build, and a rebuild by one never pulls the files from under the other.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The pages take the contracts as their TypeScript source, modules whose unused parts the bundler drops (zod's
  // included), not as the package's build, CommonJS it must take whole.
  turbopack: { resolveAlias: { '@seatstorm/contracts': '../backend/libs/contracts/src/index.ts' } },
  reactStrictMode: true,
  poweredByHeader: false,
  // On every answer, static files included; the pages' Content-Security-Policy is proxy.ts's.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
