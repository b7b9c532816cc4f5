'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { NotificationsTray } from '../notifications/notifications-tray';
import { useSession } from '../session/session-provider';
import styles from './site-header.module.css';

/** Who is signed in (and whether only in this tab), with sign out; or a way to sign in. */
export function UserMenu() {
  const { user, tabOnly, signOut } = useSession();
  const pathname = usePathname();
  const router = useRouter();

  if (!user) {
    const next = pathname && pathname !== '/login' && pathname !== '/register' ? `?next=${encodeURIComponent(pathname)}` : '';
    return (
      <Link href={`/login${next}`} className={`button ${styles.signIn}`} data-size="small">
        Sign in
      </Link>
    );
  }

  return (
    <div className={styles.user}>
      <NotificationsTray />
      <span className={styles.avatar} aria-hidden="true">
        {user.name.slice(0, 1).toUpperCase()}
      </span>
      <span className={styles.userText}>
        <span className="visually-hidden">Signed in as </span>
        <span className={styles.userName} data-testid="signed-in-user">
          {user.name}
        </span>
        {tabOnly ? <span className={styles.userNote}>this tab only</span> : null}
      </span>
      <button
        type="button"
        className={styles.signOut}
        onClick={async () => {
          await signOut();
          router.refresh();
        }}
      >
        Sign out
      </button>
    </div>
  );
}
