import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusPanel } from '@/components/ui/status-panel';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <StatusPanel
      title="This page isn't on the bill"
      actions={
        <Link href="/" className="button">
          See all events
        </Link>
      }
    >
      <p>The link may be wrong, or the show may have moved. Everything on sale is on the events page.</p>
    </StatusPanel>
  );
}
