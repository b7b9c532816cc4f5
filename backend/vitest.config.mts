import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Nest's dependency injection needs decorator metadata, which esbuild does not
// emit: SWC compiles the TypeScript here, as it does for the build.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
    }),
  ],
  resolve: {
    alias: {
      '@seatstorm/contracts': at('./libs/contracts/src/index.ts'),
      '@seatstorm/config': at('./libs/config/src/index.ts'),
      '@seatstorm/database': at('./libs/database/src/index.ts'),
      '@seatstorm/errors': at('./libs/errors/src/index.ts'),
      '@seatstorm/kafka': at('./libs/kafka/src/index.ts'),
      '@seatstorm/observability': at('./libs/observability/src/index.ts'),
      '@seatstorm/redis': at('./libs/redis/src/index.ts'),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'bench/**/*.spec.ts', 'test/**/*.spec.ts'], environment: 'node' },
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
