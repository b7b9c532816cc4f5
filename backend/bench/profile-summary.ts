/**
 * `npm run bench:profile -- [--after S] <dir or .cpuprofile files>`: where a
 * process's busy time went, from the CPU profiles `npm run bench -- --cpu-prof
 * DIR` writes. Self time is summed per package (node_modules/<name>), per
 * Seatstorm source folder, and for Node's own internals and the garbage
 * collector; idle time is left out, and with --after so are the first S
 * seconds of each profile (start-up: loading modules, connecting). Prints the
 * top entries of each profile.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = 25;
const NOT_BUSY = new Set(['(idle)', '(program)']);

/** The part of the system a frame belongs to. */
export function categoryOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 'node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  if (url.startsWith('node:')) return `node:${url.slice('node:'.length).split('/').slice(0, 2).join('/')}`;
  const app = /\/backend\/(?:dist\/)?((?:apps|libs)\/[^/]+(?:\/src\/[^/]+)?)/.exec(url);
  return app ? `seatstorm ${app[1]!.replace('/src', '')}` : url;
}

/** Self time per category and per function, busy time only, from `afterMs` into the profile on, in ms. */
export function summarise(profile: CpuProfile, afterMs = 0): { busyMs: number; byCategory: Map<string, number>; byFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  let elapsedMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    elapsedMs += ms;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || NOT_BUSY.has(frame.functionName) || elapsedMs < afterMs) return;
    busyMs += ms;
    const category = categoryOf(frame);
    byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} · ${category}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  return { busyMs, byCategory, byFunction };
}

function top(entries: Map<string, number>, busyMs: number): string {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([name, ms]) => `  ${((ms / busyMs) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`)
    .join('\n');
}

async function profilesIn(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) files.push(...(await readdir(path)).filter((name) => name.endsWith('.cpuprofile')).map((name) => join(path, name)));
    else files.push(path);
  }
  return files;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { after: { type: 'string', default: '0' } } });
  const afterMs = Number(values.after) * 1000;
  if (!Number.isFinite(afterMs) || afterMs < 0) throw new Error(`--after takes seconds, got "${values.after}"`);
  const files = await profilesIn(positionals);
  if (files.length === 0) throw new Error('give a directory of .cpuprofile files (npm run bench -- --cpu-prof DIR) or the files themselves');
  for (const file of files) {
    const { busyMs, byCategory, byFunction } = summarise(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, afterMs);
    process.stdout.write(`\n${file}: ${(busyMs / 1000).toFixed(1)} s busy\n by part:\n${top(byCategory, busyMs)}\n by function:\n${top(byFunction, busyMs)}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
