import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what Seatstorm promises its pages meet. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];
type ViolationNode = Violation['nodes'][number];

/** What axe measured for a colour-contrast failure (its check's `data`). */
interface ContrastData {
  fgColor?: string;
  bgColor?: string;
  contrastRatio?: number;
  expectedContrastRatio?: string;
  fontSize?: string;
  fontWeight?: string;
}

/** The colours, the ratio and what was needed, when axe measured them; otherwise its own words on the node. */
function whyOf(node: ViolationNode): string {
  const check = [...node.any, ...node.all, ...node.none].find((result) => {
    const data = result.data as ContrastData | null;
    return typeof data?.contrastRatio === 'number' && data.contrastRatio > 0;
  });
  if (check) {
    const data = check.data as ContrastData;
    return `${data.fgColor} on ${data.bgColor} is ${data.contrastRatio}:1, needs ${data.expectedContrastRatio} (${data.fontSize} ${data.fontWeight})`;
  }
  return (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

/** One line per failing element: rule, impact, where it is and what to fix, so a failure reads without the report. */
function describeViolations(violations: readonly Violation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'no impact given'}) at ${node.target.map(String).join(' >> ')}: ${whyOf(node)} — ${violation.help}`,
    ),
  );
}

/** The page's colour schemes: the design has a light and a dark palette (web/app/globals.css), each checked. */
const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Waits until the page's entry animations have ended: a half-faded notice has no fixed contrast. */
async function animationsEnded(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Runs axe on the page as it is now, in the light and then the dark colour
 * scheme (leaving it light), and expects no WCAG 2.1 AA violation in either; a
 * failure lists each failing element with what to fix.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const found: string[] = [];
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await animationsEnded(page);
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    found.push(...describeViolations(results.violations).map((line) => `${colorScheme}: ${line}`));
    // What axe could not decide (text over a gradient or an image, say) is for a person to look at in the report.
    const review = describeViolations(results.incomplete);
    if (review.length) await test.info().attach(`axe could not decide, ${what}, ${colorScheme}`, { body: review.join('\n'), contentType: 'text/plain' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found, `axe (WCAG 2.1 AA) on ${what}`).toEqual([]);
}
