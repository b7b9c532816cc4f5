import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { RaceLab } from '@/components/race-lab/race-lab';
import { StatusPanel } from '@/components/ui/status-panel';
import { ApiError, getEvent } from '@/lib/api';
import { isDemoMode } from '@/lib/config';
import styles from '@/components/race-lab/race-lab.module.css';

export const metadata: Metadata = { title: 'Race lab' };

export default async function RaceLabPage({ params }: PageProps<'/events/[id]/lab'>) {
  const { id } = await params;
  if (!isDemoMode()) {
    return (
      <StatusPanel
        title="The race lab is a demo"
        actions={
          <Link href={`/events/${id}`} className="button">
            Back to the event
          </Link>
        }
      >
        <p>It signs in the demo users, which exist only in demo mode.</p>
      </StatusPanel>
    );
  }
  const event = await getEvent(id).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <>
      <header className={styles.intro}>
        <Link href={`/events/${id}`} className={styles.back}>
          ← {event.name}
        </Link>
        <h1 className={styles.title}>Race lab</h1>
        <p className={styles.lede}>
          Alice, Bob and Charlie each have their own session and live connection. Pick a seat and press Race!: all three ask for it in the same instant, and the
          booking core lets exactly one win.
        </p>
      </header>
      <RaceLab event={event} />
    </>
  );
}
