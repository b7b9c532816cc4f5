import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { preload } from 'react-dom';
import type { EventDetail } from '@seatstorm/contracts';
import { EventHero } from '@/components/events/event-hero';
import { OfflinePanel } from '@/components/ui/offline-panel';
import { SaleGate } from '@/components/waiting-room/sale-gate';
import { ApiError, getEvent, isGatewayUnavailable, seatsPath } from '@/lib/api';
import { publicGatewayUrl } from '@/lib/config';
import { WORKER_MIN_SEATS } from '@/lib/seat-map/seat-feed';

type EventResult = { ok: true; event: EventDetail } | { ok: false };

async function loadEvent(id: string): Promise<EventResult> {
  try {
    return { ok: true, event: await getEvent(id) };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) notFound();
    if (!isGatewayUnavailable(error)) throw error;
    return { ok: false };
  }
}

export async function generateMetadata({ params }: PageProps<'/events/[id]'>): Promise<Metadata> {
  const result = await loadEvent((await params).id);
  return { title: result.ok ? result.event.name : 'Event' };
}

export default async function EventPage({ params }: PageProps<'/events/[id]'>) {
  const { id } = await params;
  const result = await loadEvent(id);
  // The browser starts downloading the seats while the page's scripts load; not for those about to wait in a
  // queue, whom the seat map may not need for a while, nor for a large venue: its snapshot (megabytes for a
  // stadium) would hold up the page's own scripts and styles on a slow connection, and a worker reads it anyway.
  if (result.ok && !result.event.waitingRoom.enabled && result.event.seatsTotal <= WORKER_MIN_SEATS) {
    preload(`${publicGatewayUrl()}${seatsPath(id)}`, { as: 'fetch', crossOrigin: 'anonymous' });
  }
  if (!result.ok) {
    return (
      <OfflinePanel href={`/events/${id}`}>
        <p>The seat map needs a live connection. This page tries again on its own.</p>
      </OfflinePanel>
    );
  }
  return (
    <>
      <EventHero event={result.event} />
      <SaleGate event={result.event} />
    </>
  );
}
