import { mkdirSync } from 'node:fs';
import { readTextIfExists, writeFileAtomic } from './files';
import { paths } from './paths';

/** A process this launcher started and is therefore allowed to stop. */
export interface StartedProcess {
  pid: number;
  address: string;
  startedAt: string;
}

/** A machine service this launcher woke up; it stays the machine's, so `down` leaves it running. */
export interface StartedService {
  how: string;
  startedAt: string;
}

/** What this launcher started, kept across runs in `.data/infra-state.json`. */
export interface InfraState {
  kafka?: StartedProcess;
  redis?: StartedProcess;
  postgres?: StartedService;
}

export function readState(): InfraState {
  const text = readTextIfExists(paths.stateFile);
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? toState(parsed) : {};
  } catch {
    // A torn or hand-edited file: forget it rather than refuse to work.
    return {};
  }
}

export function writeState(state: InfraState): void {
  mkdirSync(paths.dataDir, { recursive: true });
  writeFileAtomic(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
}

export function updateState(change: (state: InfraState) => InfraState): InfraState {
  const next = change(readState());
  writeState(next);
  return next;
}

export function forgetStarted(component: keyof InfraState): void {
  updateState((state) => {
    const next = { ...state };
    delete next[component];
    return next;
  });
}

function toState(raw: Record<string, unknown>): InfraState {
  const state: InfraState = {};
  const kafka = toStartedProcess(raw.kafka);
  const redis = toStartedProcess(raw.redis);
  const postgres = toStartedService(raw.postgres);
  if (kafka) state.kafka = kafka;
  if (redis) state.redis = redis;
  if (postgres) state.postgres = postgres;
  return state;
}

function toStartedProcess(raw: unknown): StartedProcess | undefined {
  if (!isRecord(raw)) return undefined;
  const { pid, address, startedAt } = raw;
  if (typeof pid !== 'number' || typeof address !== 'string' || typeof startedAt !== 'string') return undefined;
  return { pid, address, startedAt };
}

function toStartedService(raw: unknown): StartedService | undefined {
  if (!isRecord(raw)) return undefined;
  const { how, startedAt } = raw;
  if (typeof how !== 'string' || typeof startedAt !== 'string') return undefined;
  return { how, startedAt };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
