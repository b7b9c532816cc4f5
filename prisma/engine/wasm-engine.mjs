// @ts-check
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** @typedef {typeof import('@prisma/schema-engine-wasm/schema_engine_bg')} SchemaEngineBindings */

const require = createRequire(import.meta.url);

/** @type {Promise<SchemaEngineBindings> | undefined} */
let loaded;

/** @type {string | undefined} */
let panicMessage;

/**
 * The module reports a Rust panic's message to this global just before it
 * traps (the trap itself only says "unreachable").
 */
Object.assign(globalThis, {
  PRISMA_WASM_PANIC_REGISTRY: {
    /** @param {string} message */
    set_message(message) {
      panicMessage = message;
    },
  },
});

/** The message of the panic that made the engine trap, if one did. */
export function lastPanicMessage() {
  return panicMessage;
}

/**
 * The package's entry imports its .wasm as an ES module, which Node 20 only
 * allows behind --experimental-wasm-modules; instantiate it by hand instead,
 * the way wasm-bindgen's "bundler" output expects to be wired.
 *
 * @returns {Promise<SchemaEngineBindings>}
 */
export function loadSchemaEngine() {
  loaded ??= (async () => {
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    /** @type {SchemaEngineBindings} */
    const bindings = await import(pathToFileURL(bindingsPath).href);
    const bytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === 'function') start();
    return bindings;
  })();
  return loaded;
}
