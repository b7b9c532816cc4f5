// Compiles the backend with SWC: decorator metadata (which Nest's dependency
// injection needs) and the `@seatstorm/*` path aliases rewritten to relative
// requires. Type checking is `npm run typecheck` (tsc), kept separate so the
// build stays fast.
import { transformFile } from '@swc/core';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist');
const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.json'), 'utf8'));

const SOURCE_DIRS = ['main.ts', 'ops-server.ts', 'apps', 'libs'];
const SKIP = [/\.spec\.ts$/, /\.int-spec\.ts$/, /\.d\.ts$/, /(^|\/)libs\/contracts\//, /(^|\/)test\//];

async function* sources(path) {
  const full = join(root, path);
  if (path.endsWith('.ts')) {
    yield path;
    return;
  }
  for (const entry of await readdir(full, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* sources(child);
    else if (entry.name.endsWith('.ts')) yield child;
  }
}

const options = {
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: tsconfig.compilerOptions.paths,
  },
  module: { type: 'commonjs' },
};

/** Compiles one source file into dist/, with its source map. */
async function compile(file) {
  const output = await transformFile(join(root, file), { ...options, filename: join(root, file) });
  const target = join(outDir, file.replace(/\.ts$/, '.js'));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${output.code}\n//# sourceMappingURL=${relative(dirname(target), target)}.map\n`);
  if (output.map) await writeFile(`${target}.map`, output.map);
}

const compiled = (file) => file.endsWith('.ts') && !SKIP.some((pattern) => pattern.test(file));

const started = Date.now();
await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const dir of SOURCE_DIRS) {
  for await (const file of sources(dir)) {
    if (!compiled(file)) continue;
    await compile(file);
    count += 1;
  }
}
console.log(`[backend] compiled ${count} files in ${Date.now() - started} ms`);

// `--watch` (npm run dev): recompiles each source file as it is saved; `node --watch` restarts the services on the new output.
if (process.argv.includes('--watch')) {
  const { watch } = await import('node:fs');
  const pending = new Set();
  let timer;
  const flush = async () => {
    const files = [...pending];
    pending.clear();
    for (const file of files) {
      try {
        await compile(file);
        console.log(`[backend] recompiled ${file}`);
      } catch (error) {
        console.error(`[backend] ${file}: ${error instanceof Error ? error.message : error}`);
      }
    }
  };
  for (const dir of SOURCE_DIRS.filter((path) => !path.endsWith('.ts'))) {
    watch(join(root, dir), { recursive: true }, (_, name) => {
      const file = name && join(dir, name);
      if (!file || !compiled(file)) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(flush, 100);
    });
  }
  // Tells npm run dev that dist/ is whole and watched: the services may start.
  await writeFile(join(outDir, '.watching'), `${process.pid}\n`);
  console.log('[backend] watching apps/ and libs/ for changes');
}
