import { defineConfig, env } from 'prisma/config';

// DATABASE_URL and PRISMA_SCHEMA_ENGINE_BINARY get their defaults in one place,
// scripts/with-env.mjs, which every npm script of this workspace runs through.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: {
    path: 'migrations',
    seed: 'tsx seed/seed.ts',
  },
  datasource: {
    url: env('DATABASE_URL'),
  },
});
