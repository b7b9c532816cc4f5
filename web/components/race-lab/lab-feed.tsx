import { seatLabelOf, type LabDecision } from '@seatstorm/contracts';
import styles from './race-lab.module.css';

/** "10:00:01.234": the decision's instant in UTC, to the millisecond. */
function timeOf(iso: string): string {
  const date = new Date(iso);
  return `${date.toISOString().slice(11, 19)}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** "Held", or "Refused: Seat A7 is no longer available." (the booking core names seats by label). */
function describeDecision(decision: LabDecision): string {
  if (decision.status === 'reserved') return 'Held';
  return decision.reason ? `Refused: ${decision.reason}` : 'Refused';
}

/** Every decision on this event's seats, newest first, as the booking core made them. */
export function LabFeed({ eventId, decisions, onClear }: { eventId: string; decisions: readonly LabDecision[]; onClear(): void }) {
  return (
    <section className={styles.feed} aria-labelledby="feed-heading">
      <div className={styles.feedHeader}>
        <h2 id="feed-heading" className={styles.sectionTitle}>
          Lab feed
        </h2>
        <button type="button" className="button" data-variant="ghost" data-size="small" onClick={onClear}>
          Clear
        </button>
      </div>
      {decisions.length === 0 ? (
        <p className={styles.feedEmpty}>Decisions on this event appear here as the booking core makes them.</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Seats</th>
                <th scope="col">Decision</th>
                <th scope="col">Partition / offset</th>
                <th scope="col">Decided in</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((decision) => (
                <tr key={decision.commandId} data-status={decision.status}>
                  <td>{timeOf(decision.occurredAt)}</td>
                  <td>{decision.userName}</td>
                  <td>{decision.seatIds.map((id) => seatLabelOf(eventId, id)).join(', ')}</td>
                  <td>{describeDecision(decision)}</td>
                  <td>
                    {decision.partition} / {decision.offset}
                  </td>
                  <td>{Math.round(decision.decidedInMs)} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
