import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminEventDashboard } from '@/components/admin/admin-event-dashboard';
import { ApiError, getEvent } from '@/lib/api';

export const metadata: Metadata = { title: 'Live sales' };

export default async function AdminEventPage({ params }: PageProps<'/admin/events/[id]'>) {
  const { id } = await params;
  const event = await getEvent(id).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return <AdminEventDashboard event={event} />;
}
