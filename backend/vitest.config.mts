import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Options } from '@swc/core';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Nest's dependency injection needs decorator metadata, which esbuild does not
// emit: SWC compiles the TypeScript here with the build's options (.swcrc:
// decorators, the libraries' paths), as ES modules for vite. They are read here
// and handed over whole, since SWC would let the plugin's own `jsc.parser`
// replace the file's (and with it the decorators).
const swcrc = JSON.parse(readFileSync(at('./.swcrc'), 'utf8')) as Options;

export default defineConfig({
  plugins: [
    swc.vite({
      ...swcrc,
      swcrc: false,
      tsconfigFile: false,
      jsc: { ...swcrc.jsc, baseUrl: at('./') },
      module: { type: 'es6' },
    }),
  ],
  resolve: {
    // The source, not the build the package's exports point at.
    alias: { '@seatstorm/contracts': at('./libs/contracts/src/index.ts') },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // The infra package's specs too (it has no runner of its own).
          include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'bench/**/*.spec.ts', 'test/**/*.spec.ts', '../scripts/infra/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['apps/**/*.int-spec.ts', 'libs/**/*.int-spec.ts', 'test/**/*.int-spec.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Integration files share one broker and one database; they use unique
          // ids, but running them one file at a time keeps a 2-core box honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
