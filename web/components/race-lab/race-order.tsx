import { useMemo } from 'react';
import type { LabDecision } from '@seatstorm/contracts';
import type { Race } from './use-race';
import styles from './race-lab.module.css';

/** Kafka's order for one race: the decisions on the raced seat since the race began, by partition offset. */
function raceOrder(decisions: readonly LabDecision[], seatId: string, since: string): LabDecision[] {
  return decisions
    .filter((decision) => decision.seatIds.includes(seatId) && decision.occurredAt >= since)
    .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/** Who won the last race and who lost, in the order the booking core decided, once its decisions are in. */
export function RaceOrder({ decisions, race }: { decisions: readonly LabDecision[]; race: Race | null }) {
  const order = useMemo(() => (race ? raceOrder(decisions, race.seatId, race.startedAt) : []), [decisions, race]);
  if (!order.length) return null;
  return (
    <section className={styles.order} aria-labelledby="order-heading">
      <h2 id="order-heading" className={styles.sectionTitle}>
        How Kafka decided the last race
      </h2>
      <ol>
        {order.map((decision) => (
          <li key={decision.commandId} data-status={decision.status}>
            <strong>{decision.userName}</strong> — {decision.status === 'reserved' ? 'won' : 'lost'} · partition {decision.partition}, offset {decision.offset}{' '}
            · decided in {Math.round(decision.decidedInMs)} ms
          </li>
        ))}
      </ol>
    </section>
  );
}
