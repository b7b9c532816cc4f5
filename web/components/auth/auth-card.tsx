import type { ReactNode } from 'react';
import styles from './auth-card.module.css';

/** The frame of the sign-in and register pages. */
export function AuthCard({ title, lede, children, footer }: { title: string; lede: string; children: ReactNode; footer: ReactNode }) {
  return (
    <section className={styles.card} aria-labelledby="auth-title">
      <h1 id="auth-title" className={styles.title}>
        {title}
      </h1>
      <p className={styles.lede}>{lede}</p>
      {children}
      <p className={styles.footer}>{footer}</p>
    </section>
  );
}
