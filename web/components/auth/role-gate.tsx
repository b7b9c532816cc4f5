'use client';

import type { ReactNode } from 'react';
import Link from 'next/link';
import type { UserRole } from '@seatstorm/contracts';
import type { Session } from '@/lib/session-cookie';
import { useSession } from '../session/session-provider';
import { StatusPanel } from '../ui/status-panel';
import { SignInPrompt } from './sign-in-prompt';

interface RoleGateProps {
  /** The roles that may see the page. */
  roles: readonly UserRole[];
  /** In words, for the page's sign-in prompt and its refusal: "Sign in as an admin", "Admins only", "an admin". */
  words: { signIn: string; only: string; one: string };
  next: string;
  children: (session: Session) => ReactNode;
}

/** Pages for some roles show their content only to those; the gateway checks the role again on every request. */
export function RoleGate({ roles, words, next, children }: RoleGateProps) {
  const { session } = useSession();
  if (!session) return <SignInPrompt title={words.signIn} next={next} />;
  if (!roles.includes(session.user.role)) {
    return (
      <StatusPanel
        title={words.only}
        actions={
          <Link href="/" className="button">
            Back to events
          </Link>
        }
      >
        <p>
          You are signed in as {session.user.name}, who is not {words.one}.
        </p>
      </StatusPanel>
    );
  }
  return <>{children(session)}</>;
}
