// The web image's entry point: web/server.mjs (which stamps each request with the
// browser's own address before Next.js sees it) over Next.js' standalone output.
// The standalone folder has no next.config.ts: Next.js takes the configuration the
// build recorded, from this variable, as the standalone server.js it generates does.
// Bundled with server.mjs and its imports into <standalone>/web/server.mjs
// (scripts/deploy/build.mjs web); `next` is loaded from the standalone node_modules.
import { readFileSync } from 'node:fs';

const { config } = JSON.parse(readFileSync(new URL('./.next/required-server-files.json', import.meta.url), 'utf8'));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
await import('../../web/server.mjs');
