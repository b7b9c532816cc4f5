// Bundles what the images run that is not already compiled for them:
//
//   node scripts/deploy/build.mjs setup   the backend image's one-shot setup, into scripts/deploy/dist/:
//                                         setup.js (topics, migrations, optional demo data) and
//                                         seed.js (prisma/seed/seed.ts). Run after the Prisma client
//                                         is generated: the seed imports it.
//   node scripts/deploy/build.mjs web     the web image's server (web-server.mjs with web/server.mjs),
//                                         into web/.next/standalone/web/server.mjs. Run after a
//                                         `next build` with NEXT_OUTPUT=standalone.
//
// The images have production dependencies only, so no TypeScript runner: Seatstorm's
// own code is bundled here, and npm packages stay external where the image has them.
// esbuild comes with the development dependencies (through tsx), which the images'
// build stages have.
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };

// @seatstorm/infra is TypeScript without a build step: bundled in like the code importing it, where
// `packages: 'external'` would leave it to an image that has no TypeScript runner.
const bundleInfra = {
  name: 'bundle-seatstorm-infra',
  setup(build) {
    build.onResolve({ filter: /^@seatstorm\/infra$/ }, () => ({ path: join(root, 'scripts/infra/index.ts') }));
  },
};

const targets = {
  setup: () =>
    build({
      ...common,
      entryPoints: { setup: join(here, 'setup.ts'), seed: join(root, 'prisma/seed/seed.ts') },
      outdir: join(here, 'dist'),
      packages: 'external',
      plugins: [bundleInfra],
      format: 'cjs',
      sourcemap: true,
    }),
  // The standalone node_modules has what Next.js traced, not proxy-addr (server.mjs's): it is bundled in.
  web: () =>
    build({
      ...common,
      entryPoints: [join(here, 'web-server.mjs')],
      outfile: join(root, 'web/.next/standalone/web/server.mjs'),
      external: ['next'],
      format: 'esm',
    }),
};

const target = process.argv[2] ?? '';
if (!Object.hasOwn(targets, target)) {
  console.error(`usage: node scripts/deploy/build.mjs ${Object.keys(targets).join('|')}`);
  process.exit(2);
}
const started = Date.now();
await targets[target]();
console.log(`[deploy] bundled ${target} in ${Date.now() - started} ms`);
