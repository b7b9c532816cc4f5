import Link from 'next/link';
import styles from './site-header.module.css';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <Link href="/" className={styles.brand}>
          <img src="/icon.svg" alt="" width={32} height={32} className={styles.mark} />
          <span className={styles.wordmark}>Seatstorm</span>
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <Link href="/" className={styles.navLink}>
            Events
          </Link>
        </nav>
      </div>
    </header>
  );
}
