'use client';

import type { FormEvent } from 'react';
import { loginRequestSchema } from '@seatstorm/contracts';
import { FormAlert } from '../ui/form-alert';
import { FormField } from '../ui/form-field';
import { useSession } from '../session/session-provider';
import { useSignInSubmit } from './use-sign-in-submit';
import styles from '../ui/form.module.css';

export function LoginForm({ next }: { next: string }) {
  const { signIn } = useSession();
  const { error, setError, busy, submit } = useSignInSubmit(next);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setError('Enter the email and password of your account.');
      return;
    }
    await submit(() => signIn(parsed.data));
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormAlert message={error} />
      <FormField label="Email" name="email" type="email" autoComplete="email" required />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className={`button ${styles.submit}`} disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
