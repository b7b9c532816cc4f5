#!/usr/bin/env node
// @ts-check
/**
 * Runs a command (`prisma …`, `tsx …`) with this workspace's environment:
 * - DATABASE_URL defaults to the local development database;
 * - PRISMA_SCHEMA_ENGINE_BINARY points the Prisma CLI at engine/schema-engine.mjs,
 *   since Prisma's native engines cannot be downloaded here.
 *
 *   node scripts/with-env.mjs prisma migrate deploy
 */
import { spawn } from 'node:child_process';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/seatstorm';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: with-env.mjs <command> [args…]\n');
  process.exit(2);
}

/** @param {string} path relative to this workspace */
const workspacePath = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

// npm puts these on PATH for its scripts; do the same when run by hand.
const binDirectories = [workspacePath('node_modules/.bin'), workspacePath('../node_modules/.bin')];

const env = {
  ...process.env,
  PATH: [...binDirectories, process.env.PATH].join(delimiter),
  DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  PRISMA_SCHEMA_ENGINE_BINARY: workspacePath('engine/schema-engine.mjs'),
  // Nothing may phone home from these machines, and nothing needs to.
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};

const child = spawn(command, args, { stdio: 'inherit', env });
child.on('error', (error) => {
  process.stderr.write(`with-env: cannot run ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
});
