'use client';

import { DEMO_USERS, type EventDetail } from '@seatstorm/contracts';
import { useLabFeed } from '@/lib/live';
import { LabFeed } from './lab-feed';
import { LabPane } from './lab-pane';
import { RaceControls } from './race-controls';
import { RaceOrder } from './race-order';
import { useRace } from './use-race';
import styles from './race-lab.module.css';

const RACERS = DEMO_USERS.filter((user) => user.name !== 'Admin');

/**
 * Three demo users side by side, each with their own session and socket;
 * "Race!" makes all three hold the same seat in the same instant, and the
 * lab feed shows what the booking core decided and in which order.
 */
export function RaceLab({ event }: { event: EventDetail }) {
  const race = useRace(event.id);
  const feed = useLabFeed(event.id);

  return (
    <div className={styles.lab}>
      <RaceControls eventId={event.id} race={race} />
      <div className={styles.panes}>
        {RACERS.map((racer) => (
          <LabPane
            key={racer.email}
            name={racer.name}
            email={racer.email}
            event={event}
            target={race.target}
            race={race.race}
            result={race.results[racer.name]}
            onPick={race.pick}
            onResult={race.onResult}
          />
        ))}
      </div>
      <RaceOrder decisions={feed.decisions} race={race.race} />
      <LabFeed eventId={event.id} decisions={feed.decisions} onClear={feed.clear} />
    </div>
  );
}
