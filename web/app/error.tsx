'use client';

import { useEffect } from 'react';
import type { ErrorInfo } from 'next/error';
import Link from 'next/link';
import { StatusPanel } from '@/components/ui/status-panel';

export default function RouteError({ error, retry }: ErrorInfo) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusPanel
      kind="error"
      role="alert"
      title="Something went wrong on our side"
      actions={
        <>
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
          <Link href="/" className="button" data-variant="ghost">
            Back to events
          </Link>
        </>
      }
    >
      <p>We couldn&apos;t load this page. Please try again in a moment.</p>
    </StatusPanel>
  );
}
