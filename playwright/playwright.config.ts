import { defineConfig } from '@playwright/test';
import { baseUrl } from './helpers/env';

/**
 * End-to-end tests in Debian's Chromium against a running stack (the run
 * script starts it): the web app at E2E_BASE_URL, the gateway at E2E_GATEWAY_URL.
 */
export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // A flaky test is a failing test: no retries, in CI or anywhere.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: './test-results',
  // The test run script adds its JSON report on the command line (--reporter=list,json).
  reporter: [['list'], ['html', { outputFolder: './playwright-report', open: 'never' }]],
  use: {
    baseURL: baseUrl(),
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: {
      // Debian's Chromium build matches this Playwright; never `playwright install`.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
