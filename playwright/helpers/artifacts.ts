import type { Page, TestInfo } from '@playwright/test';

/**
 * Keeps a screenshot of what a person sees at a moment of the story, on
 * success too: in the test's folder under test-results/ and in the HTML report.
 */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
