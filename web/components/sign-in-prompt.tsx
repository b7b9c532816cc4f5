import Link from 'next/link';
import { isDemoMode } from '@/lib/config';
import { DemoSignIn } from './demo-sign-in';
import { StatusPanel } from './status-panel';

/** Pages that belong to someone ask who you are first. */
export function SignInPrompt({ title, next }: { title: string; next: string }) {
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
