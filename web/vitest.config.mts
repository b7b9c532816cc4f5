import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Pure logic runs in Node; component specs opt into a DOM with `@vitest-environment happy-dom`.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${at('./')}` },
      // The contract's sources, so tests never depend on a stale build of it.
      { find: '@seatstorm/contracts', replacement: at('../backend/libs/contracts/src/index.ts') },
    ],
  },
  test: {
    include: ['**/*.spec.ts', '**/*.spec.tsx'],
    exclude: ['node_modules/**', '.next/**'],
    environment: 'node',
    setupFiles: ['./vitest.setup.ts'],
  },
});
