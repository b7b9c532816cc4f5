import type { ReactNode } from 'react';
import { RetryCountdown } from './retry-countdown';
import { StatusPanel } from './status-panel';

const RETRY_SECONDS = 10;

/** The gateway did not answer: say so, and try the page again on a countdown. */
export function OfflinePanel({ href, children }: { href: string; children: ReactNode }) {
  return (
    <StatusPanel
      kind="offline"
      role="status"
      title="We can't reach the box office right now — retrying…"
      actions={<RetryCountdown seconds={RETRY_SECONDS} href={href} />}
    >
      {children}
    </StatusPanel>
  );
}
