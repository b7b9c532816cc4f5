'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import type { Session } from '@/lib/session-cookie';
import { SignInPrompt } from '../auth/sign-in-prompt';
import { useSession } from '../session/session-provider';
import { StatusPanel } from '../ui/status-panel';

/** Admin pages show their content only to admins; the gateway checks the role again on every request. */
export function AdminGate({ next, children }: { next: string; children: (session: Session) => ReactNode }) {
  const { session } = useSession();
  if (!session) return <SignInPrompt title="Sign in as an admin" next={next} />;
  if (session.user.role !== 'admin') {
    return (
      <StatusPanel
        title="Admins only"
        actions={
          <Link href="/" className="button">
            Back to events
          </Link>
        }
      >
        <p>You are signed in as {session.user.name}, who is not an admin.</p>
      </StatusPanel>
    );
  }
  return <>{children(session)}</>;
}
