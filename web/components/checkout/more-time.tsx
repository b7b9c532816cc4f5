import type { Extension } from './use-extension';
import styles from './checkout.module.css';

/** The offer of more time, under a minute before the hold ends, while extensions are left. */
export function MoreTime({ extension, extensionsLeft }: { extension: Extension; extensionsLeft: number }) {
  return (
    <div className={styles.moreTime}>
      <button type="button" className="button" data-variant="ghost" data-size="small" onClick={() => void extension.extend()} disabled={extension.extending}>
        {extension.extending ? 'Asking for more time…' : 'Need more time?'}
      </button>
      <span className={styles.moreTimeNote}>{extensionsLeft === 1 ? 'You can ask once more.' : `You can ask ${extensionsLeft} more times.`}</span>
    </div>
  );
}
