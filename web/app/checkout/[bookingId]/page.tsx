import type { Metadata } from 'next';
import { CheckoutView } from '@/components/checkout/checkout-view';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage({ params }: PageProps<'/checkout/[bookingId]'>) {
  const { bookingId } = await params;
  return <CheckoutView bookingId={bookingId} />;
}
