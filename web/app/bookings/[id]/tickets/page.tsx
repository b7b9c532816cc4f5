import type { Metadata } from 'next';
import { TicketsView } from '@/components/tickets/tickets-view';

export const metadata: Metadata = { title: 'Your tickets' };

export default async function TicketsPage({ params }: PageProps<'/bookings/[id]/tickets'>) {
  const { id } = await params;
  return <TicketsView bookingId={id} />;
}
