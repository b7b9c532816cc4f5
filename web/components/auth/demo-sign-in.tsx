'use client';

import { useState } from 'react';
import { describeError } from '@/lib/errors';
import { DEMO_PASSWORD, DEMO_USERS } from '@seatstorm/contracts';
import { useSession } from '../session/session-provider';
import styles from './demo-sign-in.module.css';

/**
 * One-click sign-in as a seeded demo user, for this tab only, so that
 * several tabs can be different people racing for the same seats.
 */
export function DemoSignIn({ onSignedIn }: { onSignedIn?: () => void }) {
  const { signIn } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <section className={styles.demo} aria-labelledby="demo-heading">
      <h2 id="demo-heading" className={styles.heading}>
        Demo: sign in with one click
      </h2>
      <p className={styles.hint}>Signs in this tab only — open another tab as someone else and race for the same seat.</p>
      <div className={styles.buttons}>
        {DEMO_USERS.map((user) => (
          <button
            key={user.email}
            type="button"
            className="button"
            data-variant="ghost"
            disabled={busy !== null}
            onClick={async () => {
              setBusy(user.email);
              setError(null);
              try {
                await signIn({ email: user.email, password: DEMO_PASSWORD }, { tabOnly: true });
                onSignedIn?.();
              } catch (cause) {
                setError(describeError(cause));
              } finally {
                setBusy(null);
              }
            }}
          >
            {busy === user.email ? 'Signing in…' : user.name}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </section>
  );
}
