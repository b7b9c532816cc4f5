import { startStack, stopStack } from './stack/stack';

/**
 * Brings the whole stack up (services, booking, gateway, web app) as separate
 * processes; `npm run test:e2e` has built it and prepared its database.
 * Returns the teardown, which stops every part again.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  try {
    await startStack();
  } catch (error) {
    await stopStack();
    throw error;
  }
  return stopStack;
}
