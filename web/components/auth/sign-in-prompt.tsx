'use client';

import Link from 'next/link';
import { isDemoMode } from '@/lib/config';
import { DemoSignIn } from './demo-sign-in';
import { useSession } from '../session/session-provider';
import { StatusPanel } from '../ui/status-panel';

/** Pages that belong to someone ask who you are first (unless the signed-in session is still on its way). */
export function SignInPrompt({ title, next }: { title: string; next: string }) {
  const { user, restoring } = useSession();
  if (restoring) {
    return (
      <StatusPanel title="Opening your session…" role="status">
        <p>Signed in as {user?.name}.</p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel
      title={title}
      actions={
        <Link href={`/login?next=${encodeURIComponent(next)}`} className="button">
          Sign in
        </Link>
      }
    >
      <p>Your holds and bookings are private to your account.</p>
      {isDemoMode() ? <DemoSignIn /> : null}
    </StatusPanel>
  );
}
