'use client';

import type { ReactNode } from 'react';
import type { Session } from '@/lib/session-cookie';
import { RoleGate } from '../auth/role-gate';

const ADMINS = ['admin'] as const;
const WORDS = { signIn: 'Sign in as an admin', only: 'Admins only', one: 'an admin' };

/** Admin pages show their content only to admins; the gateway checks the role again on every request. */
export function AdminGate({ next, children }: { next: string; children: (session: Session) => ReactNode }) {
  return (
    <RoleGate roles={ADMINS} words={WORDS} next={next}>
      {children}
    </RoleGate>
  );
}
