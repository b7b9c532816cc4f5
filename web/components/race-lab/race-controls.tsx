import { seatLabelOf } from '@seatstorm/contracts';
import type { RaceState } from './use-race';
import styles from './race-lab.module.css';

/** The seat being raced for, and the buttons to pick one, race and release the winner's seat. */
export function RaceControls({ eventId, race }: { eventId: string; race: RaceState }) {
  const { target, message } = race;
  return (
    <div className={styles.controls}>
      <p className={styles.target}>
        {target ? (
          <>
            Racing for seat <strong>{seatLabelOf(eventId, target)}</strong>
          </>
        ) : (
          'Click a seat in any pane, or pick one at random.'
        )}
      </p>
      <div className={styles.buttons}>
        <button type="button" className="button" data-variant="ghost" onClick={race.pickRandom}>
          Pick a free seat
        </button>
        <button type="button" className={`button ${styles.raceButton}`} disabled={!target} onClick={race.start}>
          Race!
        </button>
        <button type="button" className="button" data-variant="danger" disabled={!race.hasWinner} onClick={race.releaseWinner}>
          Release the winner&apos;s seat
        </button>
      </div>
      {message ? <p className={styles.message}>{message}</p> : null}
    </div>
  );
}
