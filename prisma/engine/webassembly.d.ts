// The slice of the WebAssembly JS API the engine shim uses. Node has it at
// run time, but its types live only in TypeScript's DOM lib, which this
// Node-only workspace does not load.
declare namespace WebAssembly {
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  interface WebAssemblyInstantiatedSource {
    instance: Instance;
  }
  function instantiate(bytes: Uint8Array, imports?: Record<string, Record<string, unknown>>): Promise<WebAssemblyInstantiatedSource>;
  /** What a Rust panic inside the module surfaces as. */
  class RuntimeError extends Error {}
}
