import { defineConfig, devices } from '@playwright/test';
import { baseUrl } from './helpers/env';

/** Specs written for a phone, which run in the phone project only. */
const PHONE_SPECS = /stadium-phone\.spec\.ts$/;

/**
 * End-to-end tests in Debian's Chromium against the whole stack, which the
 * global setup starts (playwright/stack) and stops again: run them with
 * `npm run test:e2e` from the repository root, which prepares the database,
 * the builds and the environment (scripts/e2e.sh). One worker: the specs share
 * one stack, and some of them stop and start parts of it.
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
  reporter: [['list'], ['html', { outputFolder: './report', open: 'never' }]],
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
  projects: [
    { name: 'desktop', testIgnore: PHONE_SPECS },
    // The stadium on a phone: a touch screen, a narrow viewport, taps and pinches.
    { name: 'phone', testMatch: PHONE_SPECS, use: { ...devices['Pixel 7'], hasTouch: true } },
  ],
});
