// @ts-check
// `npm run lint`: the usual JavaScript and TypeScript mistakes, plus the
// layout's import rules (which code may import what), so that a wrong import
// fails `npm test` instead of waiting for a review.
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

// Generated, built or downloaded code: nobody writes it, so nobody lints it.
const IGNORED = [
  '**/node_modules/',
  '**/dist/',
  '**/.next/',
  '**/.next-e2e/',
  '**/coverage/',
  '.cache/',
  '.data/',
  'reports/',
  'backend/libs/database/src/generated/',
  'web/next-env.d.ts',
  'playwright/test-results/',
  'playwright/report/',
  'playwright-report/',
];

// ---------------------------------------------------------------------------
// Architecture rules that depend on where an import lands. A relative import's
// text does not say which app or library it reaches (`../../../booking/src/x`
// and `../x` depend on the importing file's depth), so these resolve it first.
// ---------------------------------------------------------------------------

/** The repository-relative path (with `/`) a relative import lands on; undefined for a package. */
function landingOf(file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  return path
    .relative(ROOT, path.resolve(path.dirname(file), specifier))
    .split(path.sep)
    .join('/');
}

const APP = /^backend\/apps\/([^/]+)\//;
// Workspace packages outside backend/, by folder: imported by their name alone (the package's
// `exports`), never by a path into them, so that none of their files is an interface by accident.
const PACKAGES = { 'scripts/infra': '@seatstorm/infra' };
const LIB_FILE = /^backend\/libs\/([^/]+)\/src\/(.+)$/;
const LIB_ALIAS_FILE = /^@seatstorm\/([^/]+)\/.+$/;

/** Why `specifier`, imported by `file` (repository-relative), breaks the layout; undefined when it does not. */
function boundaryBroken(file, specifier, landing, allowedLibFiles) {
  // Each service is deployed on its own: code shared by two apps belongs in backend/libs (or the contracts).
  const fromApp = APP.exec(file)?.[1];
  const toApp = landing && APP.exec(landing)?.[1];
  if (fromApp && toApp && fromApp !== toApp) {
    return `apps/${fromApp} imports apps/${toApp}: no app imports another app; share it through backend/libs or @seatstorm/contracts`;
  }
  // The web app gets the backend's shapes from the contracts alone (through their package), never its code.
  if (file.startsWith('web/') && landing?.startsWith('backend/')) {
    return 'web/ imports backend code: import @seatstorm/contracts, the only backend package the web app uses';
  }
  for (const [dir, name] of Object.entries(PACKAGES)) {
    const intoPackage = landing !== undefined && (landing === dir || landing.startsWith(`${dir}/`)) && !file.startsWith(`${dir}/`);
    if (intoPackage || specifier.startsWith(`${name}/`)) return `imports ${intoPackage ? landing : specifier}: import ${name}, the package by its name`;
  }
  // A library's index is its interface; its other files may move or change without notice.
  const libFile = (landing && LIB_FILE.exec(landing)) || LIB_ALIAS_FILE.exec(specifier);
  if (libFile && libFile[2] !== 'index' && !file.startsWith(`backend/libs/${libFile[1]}/`) && !allowedLibFiles.includes(landing)) {
    return `deep import of the ${libFile[1]} library: import @seatstorm/${libFile[1]} (or, outside the backend, its src/index), not one of its files`;
  }
  return undefined;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'No app imports another app; web/ imports no backend code; libraries only through their index or their name.' },
    schema: [{ type: 'object', properties: { allowedLibFiles: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const allowedLibFiles = context.options[0]?.allowedLibFiles ?? [];
    const check = (node) => {
      const specifier = node.source?.type === 'Literal' ? node.source.value : undefined;
      if (typeof specifier !== 'string') return;
      const message = boundaryBroken(file, specifier, landingOf(context.filename, specifier), allowedLibFiles);
      if (message) context.report({ node: node.source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

// ---------------------------------------------------------------------------
// Architecture rules on which packages a file may import (no-restricted-imports).
// A later config block replaces an earlier block's options for the same rule,
// so each block below lists every restriction that applies to its files.
// ---------------------------------------------------------------------------

const FRAMEWORKS_AND_DRIVERS = ['@nestjs/*', '@prisma/*', 'kafkajs', 'ioredis', 'pg', 'pg-*', 'socket.io', 'socket.io-client', '@socket.io/*'];

// Services own the rules, repositories own the queries: only a *.repository.ts touches the Prisma
// client or the pg pool. The rest of an app may wire the database in (DatabaseModule) and ask the
// health repository for a ping.
const databaseOnlyInRepositories = {
  paths: [
    {
      name: '@seatstorm/database',
      allowImportNames: ['DatabaseModule', 'DatabaseHealthRepository'],
      message: 'only *.repository.ts files use the database client: move the query into the feature repository',
    },
  ],
  patterns: [{ group: ['@prisma/*', 'pg', 'pg-*'], message: 'only *.repository.ts files (and backend/libs/database) use the database driver' }],
};

// The race, the state machine and the other *.rules.ts are pure functions, unit-tested without
// Kafka, a database or Nest: they take values and return decisions.
const pureRules = {
  paths: ['@seatstorm/database', '@seatstorm/kafka', '@seatstorm/redis', '@seatstorm/config', '@seatstorm/observability'].map((name) => ({
    name,
    message: '*.rules.ts are pure: the service loads what they need and passes it in',
  })),
  patterns: [{ group: FRAMEWORKS_AND_DRIVERS, message: '*.rules.ts are pure: no framework, broker, cache or database' }],
};

// The browser app shares types and schemas with the backend through the contracts alone.
const webOnlyContracts = {
  paths: [],
  patterns: [
    { group: ['@seatstorm/*', '!@seatstorm/contracts'], message: 'web/ uses only @seatstorm/contracts from the backend' },
    {
      group: FRAMEWORKS_AND_DRIVERS.filter((name) => name !== 'socket.io-client'),
      message: 'web/ runs in the browser and Next.js: no backend framework or driver',
    },
  ],
};

function restrictImports(...restrictions) {
  return {
    'no-restricted-imports': [
      'error',
      { paths: restrictions.flatMap((restriction) => restriction.paths), patterns: restrictions.flatMap((restriction) => restriction.patterns) },
    ],
  };
}

export default defineConfig(
  globalIgnores(IGNORED),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { seatstorm: { rules: { boundaries } } },
    rules: {
      'seatstorm/boundaries': 'error',
      // A `let` declared before a cleanup closure that reads it (and assigned after) cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_`-prefixed names are the codebase's way to say "required by the signature, not used".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: restrictImports(webOnlyContracts),
  },
  {
    // Production backend code that is not a repository. Tests, builders, benches and the
    // chaos suite set up and inspect the database directly, which is what they are for.
    files: ['backend/**/*.ts'],
    ignores: ['**/*.repository.ts', 'backend/libs/database/**', '**/*.spec.ts', '**/*.int-spec.ts', 'backend/test/**', 'backend/bench/**', 'backend/chaos/**'],
    rules: restrictImports(databaseOnlyInRepositories),
  },
  {
    files: ['**/*.rules.ts'],
    rules: restrictImports(pureRules),
  },

  // Exceptions, each for a reason.
  {
    // A command line has no Nest DI: it builds the pool itself and hands it to the repositories, which query.
    files: ['backend/apps/*/src/**/*.cli.ts'],
    rules: restrictImports({
      paths: [{ ...databaseOnlyInRepositories.paths[0], allowImportNames: ['DatabaseModule', 'DatabaseHealthRepository', 'createPgPool'] }],
      patterns: databaseOnlyInRepositories.patterns,
    }),
  },
  {
    // KNOWN EXCEPTION, to move behind a repository: the per-process ops server opens its own pg Pool
    // and runs `SELECT 1` for its /health answer.
    files: ['backend/ops-server.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The seed runs under tsx (and is bundled for the image) without Nest, so it takes the two
    // framework-free files it needs rather than the config and database libraries' Nest-laden indexes;
    // so does the test that the schema's enums match the contracts.
    files: ['prisma/seed/**', 'prisma/enums.spec.ts'],
    rules: {
      'seatstorm/boundaries': ['error', { allowedLibFiles: ['backend/libs/config/src/load-config', 'backend/libs/database/src/prisma-client'] }],
    },
  },
);
