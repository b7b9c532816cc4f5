import { baseUrl, gatewayUrl } from './helpers/env';

const WAIT_MS = 60_000;

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits (bounded) for the stack the run script started; fails naming what is missing. */
export default async function globalSetup(): Promise<void> {
  const checks = [
    { name: 'gateway', url: `${gatewayUrl()}/health`, variable: 'E2E_GATEWAY_URL' },
    { name: 'web app', url: `${baseUrl()}/login`, variable: 'E2E_BASE_URL' },
  ];
  const deadline = Date.now() + WAIT_MS;
  for (const check of checks) {
    while (!(await answers(check.url))) {
      if (Date.now() > deadline) {
        throw new Error(`The ${check.name} does not answer at ${check.url} (set ${check.variable}, or start the stack with \`npm start\`).`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
