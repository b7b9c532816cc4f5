import styles from '@/components/seat-picker/seat-picker.module.css';

/** Shown while the event loads; the seat snapshot is already downloading by then. */
export default function EventLoading() {
  return (
    <div className={styles.loadingPage} aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the event…
      </p>
      <div className={styles.skeletonTitle} />
      <div className={styles.skeletonLine} />
      <div className={styles.skeletonMap} />
    </div>
  );
}
