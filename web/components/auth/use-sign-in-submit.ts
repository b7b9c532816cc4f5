'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { describeError } from '@/lib/errors';

/**
 * The submit of a form that signs a person in (sign in, register): runs the
 * call, then goes on to `next`; on failure says why in plain words and lets
 * the person try again.
 */
export function useSignInSubmit(next: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(signIn: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await signIn();
      router.push(next);
      router.refresh();
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  }

  return { error, setError, busy, submit };
}
