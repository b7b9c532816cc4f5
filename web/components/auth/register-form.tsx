'use client';

import { useState, type FormEvent } from 'react';
import { registerRequestSchema } from '@seatstorm/contracts';
import { FormAlert } from '../ui/form-alert';
import { FormField } from '../ui/form-field';
import { useSession } from '../session/session-provider';
import { useSignInSubmit } from './use-sign-in-submit';
import styles from '../ui/form.module.css';

type Field = 'name' | 'email' | 'password';

const FIELD_ERRORS: Record<Field, string> = {
  name: 'Tell us your name.',
  email: 'Enter a valid email address.',
  password: 'Use at least 8 characters.',
};

export function RegisterForm({ next }: { next: string }) {
  const { register } = useSession();
  const { error, busy, submit } = useSignInSubmit(next);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});

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
    await submit(() => register(parsed.data));
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
