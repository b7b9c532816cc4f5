import styles from './site-footer.module.css';

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <span>© Seatstorm</span>
        <span>Prices in US dollars · times in UTC</span>
      </div>
    </footer>
  );
}
