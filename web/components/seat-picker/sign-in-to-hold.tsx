import Link from 'next/link';
import { isDemoMode } from '@/lib/config';
import { DemoSignIn } from '../auth/demo-sign-in';
import styles from './selection-panel.module.css';

/** In place of the Hold button while nobody is signed in: the ways to sign in, coming back to this event. */
export function SignInToHold({ eventId }: { eventId: string }) {
  return (
    <div className={styles.signIn}>
      <p>Sign in to hold seats.</p>
      {isDemoMode() ? <DemoSignIn /> : null}
      <Link href={`/login?next=${encodeURIComponent(`/events/${eventId}`)}`} className="button" data-variant="ghost">
        Sign in with email
      </Link>
    </div>
  );
}
