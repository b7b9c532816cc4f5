import type { DoorScan } from '@/lib/door-scan';
import { seatWords } from '@/lib/door-scan';
import { formatClockTime } from '@/lib/format';
import styles from './check-in.module.css';

/** The big answer the person at the door reads at a glance: in, or not and why. */
export function ScanResult({ scan, eventName }: { scan: DoorScan; eventName(eventId: string): string }) {
  const { tone, title, detail } = wordsOf(scan, eventName);
  return (
    <div className={styles.result} data-tone={tone} data-kind={scan.kind} role={tone === 'ok' ? 'status' : 'alert'}>
      <p className={styles.resultTitle}>{title}</p>
      {detail ? <p className={styles.resultDetail}>{detail}</p> : null}
    </div>
  );
}

function wordsOf(scan: DoorScan, eventName: (eventId: string) => string): { tone: 'ok' | 'stop'; title: string; detail?: string } {
  switch (scan.kind) {
    case 'admitted':
      return { tone: 'ok', title: `Let in: ${seatWords(scan.ticket)}`, detail: `${scan.ticket.holderName} · ${scan.ticket.seat.tier}` };
    case 'already-in':
      return {
        tone: 'stop',
        title: `Already scanned in at ${formatClockTime(scan.at)}`,
        detail: `${seatWords(scan.ticket)} · ${scan.ticket.holderName}. A ticket lets one person in, once.`,
      };
    case 'revoked':
      return { tone: 'stop', title: 'Revoked ticket: do not let in', detail: `${seatWords(scan.ticket)} · refunded at ${formatClockTime(scan.at)}.` };
    case 'wrong-event':
      return { tone: 'stop', title: 'This ticket is for another event', detail: `It is for ${eventName(scan.ticketEventId)}.` };
    case 'invalid':
      return { tone: 'stop', title: 'Not a valid ticket', detail: 'The code is damaged or was not issued by us. Ask for the ticket again, or type its code.' };
    case 'failed':
      return { tone: 'stop', title: 'Could not check this ticket', detail: scan.message };
  }
}
