'use client';

import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { registerRequestSchema } from '@seatstorm/contracts';
import { describeError } from '@/lib/errors';
import { FormAlert, FormField } from './form-field';
import { useSession } from './session-provider';
import styles from './form.module.css';

type Field = 'name' | 'email' | 'password';

const FIELD_ERRORS: Record<Field, string> = {
  name: 'Tell us your name.',
  email: 'Enter a valid email address.',
  password: 'Use at least 8 characters.',
};

export function RegisterForm({ next }: { next: string }) {
  const { register } = useSession();
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = registerRequestSchema.safeParse({
      name: form.get('name'),
      email: form.get('email'),
      password: form.get('password'),
    });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'name' || field === 'email' || field === 'password') errors[field] = FIELD_ERRORS[field];
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    setError(null);
    try {
      await register(parsed.data);
      router.push(next);
      router.refresh();
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate>
      <FormAlert message={error} />
      <FormField label="Name" name="name" autoComplete="name" required error={fieldErrors.name} />
      <FormField label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={fieldErrors.password}
      />
      <button type="submit" className={`button ${styles.submit}`} disabled={busy}>
        {busy ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
