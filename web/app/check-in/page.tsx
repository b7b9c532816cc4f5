import type { Metadata } from 'next';
import { ScannerView } from '@/components/check-in/scanner-view';

export const metadata: Metadata = { title: 'Door' };

export default function CheckInPage() {
  return <ScannerView />;
}
