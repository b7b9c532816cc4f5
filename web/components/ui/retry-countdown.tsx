'use client';

import { useEffect, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import styles from './retry-countdown.module.css';

/**
 * Re-renders the current route every `seconds` until it stops showing this
 * component (the server answered). "Retry now" is a real link, so it also
 * works before hydration or without JavaScript.
 */
export function RetryCountdown({ seconds, href }: { seconds: number; href: string }) {
  const router = useRouter();
  const [secondsLeft, setSecondsLeft] = useState(seconds);
  const [isRetrying, startRetry] = useTransition();

  const retry = () => {
    setSecondsLeft(seconds);
    startRetry(() => router.refresh());
  };

  useEffect(() => {
    if (isRetrying) return;
    const timer = setTimeout(() => {
      if (secondsLeft > 1) setSecondsLeft(secondsLeft - 1);
      else retry();
    }, 1000);
    return () => clearTimeout(timer);
  });

  return (
    <>
      <a
        href={href}
        className="button"
        onClick={(event) => {
          event.preventDefault();
          retry();
        }}
      >
        Retry now
      </a>
      <span className={styles.countdown} aria-live="off">
        {isRetrying ? 'Checking…' : `Next try in ${secondsLeft}s`}
      </span>
    </>
  );
}
