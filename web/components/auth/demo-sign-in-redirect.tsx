'use client';

import { useRouter } from 'next/navigation';
import { DemoSignIn } from './demo-sign-in';

/** Demo sign-in on the sign-in page: afterwards, go where the person was heading. */
export function DemoSignInRedirect({ next }: { next: string }) {
  const router = useRouter();
  return <DemoSignIn onSignedIn={() => router.push(next)} />;
}
