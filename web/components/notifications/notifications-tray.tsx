'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import type { Notification } from '@seatstorm/contracts';
import { listNotifications } from '@/lib/api';
import { formatEventDate } from '@/lib/format';
import { useNotifications } from '@/lib/live';
import { useSession } from '../session/session-provider';
import styles from './notifications-tray.module.css';

const seenKey = (userId: string) => `seatstorm.notifications-seen.${userId}`;

function readSeen(userId: string): string {
  try {
    return window.localStorage.getItem(seenKey(userId)) ?? '';
  } catch {
    return '';
  }
}

/** A bell with what Seatstorm told this person (confirmed, failed, expired, refunded), fed live by the socket. */
export function NotificationsTray() {
  // The bell shows as soon as who is signed in is known (the server renders it too); its list, once the token is.
  const { session, user } = useSession();
  const token = session?.token ?? null;
  const userId = user?.id;
  const pushed = useNotifications(token);
  const [loaded, setLoaded] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState('');
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setLoaded([]);
    if (!token || !userId) return;
    setSeen(readSeen(userId));
    const controller = new AbortController();
    listNotifications(token, controller.signal).then(setLoaded, () => undefined);
    return () => controller.abort();
  }, [token, userId]);

  // Close on Escape or a click elsewhere.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onClick = (event: MouseEvent) => !rootRef.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const notifications = useMemo(() => {
    const known = new Set(pushed.map((n) => n.notificationId));
    return [...pushed, ...loaded.filter((n) => !known.has(n.notificationId))];
  }, [pushed, loaded]);
  const unread = notifications.filter((n) => n.createdAt > seen).length;

  if (!userId) return null;

  function toggle() {
    const next = !open;
    setOpen(next);
    if (next && notifications[0] && userId) {
      const newest = notifications[0].createdAt;
      setSeen(newest);
      try {
        window.localStorage.setItem(seenKey(userId), newest);
      } catch {
        // Without storage the count simply starts again on reload.
      }
    }
  }

  return (
    <div className={styles.root} ref={rootRef}>
      <button
        type="button"
        className={styles.bell}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? `Notifications, ${unread} new` : 'Notifications'}
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15ZM10 20.5a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        </svg>
        {unread ? <span className={styles.badge}>{unread > 9 ? '9+' : unread}</span> : null}
      </button>
      <div id={panelId} className={styles.panel} hidden={!open} role="region" aria-label="Notifications">
        <p className={styles.title}>Notifications</p>
        {notifications.length === 0 ? (
          <p className={styles.empty}>Nothing yet. We&apos;ll tell you here when a booking is confirmed, fails or expires.</p>
        ) : (
          <ul className={styles.list}>
            {notifications.slice(0, 20).map((n) => (
              <li key={n.notificationId} className={styles.item} data-kind={n.kind} data-new={n.createdAt > seen || undefined}>
                <strong>{n.title}</strong>
                <span>{n.body}</span>
                <time dateTime={n.createdAt}>{formatEventDate(n.createdAt)}</time>
              </li>
            ))}
          </ul>
        )}
        <Link href="/bookings" className={styles.all} onClick={() => setOpen(false)}>
          See my bookings
        </Link>
      </div>
    </div>
  );
}
