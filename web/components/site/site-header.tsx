import Link from 'next/link';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';
import styles from './site-header.module.css';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <Link href="/" className={styles.brand} aria-label="Seatstorm">
          <img src="/icon.svg" alt="" width={32} height={32} className={styles.mark} />
          <span className={styles.wordmark}>Seatstorm</span>
        </Link>
        <NavLinks />
        <UserMenu />
      </div>
    </header>
  );
}
