import { QRCodeSVG } from 'qrcode.react';
import type { Ticket } from '@seatstorm/contracts';
import { formatClockTime } from '@/lib/format';
import styles from './tickets.module.css';

const STATUS_WORDS: Record<Ticket['status'], string> = {
  valid: 'Valid',
  checked_in: 'Scanned in',
  revoked: 'Revoked',
};

/**
 * One ticket: its seat, its holder and its QR code, which carries the signed code the door
 * scans. The code is also written out for the door to type in when a scan fails.
 */
export function TicketCard({ ticket }: { ticket: Ticket }) {
  const { seat } = ticket;
  // A standing place (docs/architecture.md §15) is the only seat without a row: it is a place on its area, not a seat.
  const standing = seat.row === '';
  const where = standing ? `${seat.section}, standing` : `${seat.section}, row ${seat.row}, seat ${seat.number}`;
  return (
    <article className={styles.ticket} data-status={ticket.status} data-ticket-id={ticket.id} aria-label={`Ticket for ${where}`}>
      <div className={styles.qr}>
        <QRCodeSVG value={ticket.code} size={208} level="M" marginSize={2} title={`QR code of the ticket for ${where}`} role="img" data-ticket-qr={ticket.id} />
      </div>
      <div className={styles.details}>
        <p className={styles.status} data-status={ticket.status}>
          {STATUS_WORDS[ticket.status]}
          {ticket.status === 'checked_in' && ticket.checkedInAt ? ` at ${formatClockTime(ticket.checkedInAt)}` : null}
        </p>
        <dl className={styles.place}>
          <div>
            <dt>Section</dt>
            <dd>{seat.section}</dd>
          </div>
          {standing ? (
            <div>
              <dt>Place</dt>
              <dd>Standing</dd>
            </div>
          ) : (
            <>
              <div>
                <dt>Row</dt>
                <dd>{seat.row}</dd>
              </div>
              <div>
                <dt>Seat</dt>
                <dd>{seat.number}</dd>
              </div>
            </>
          )}
        </dl>
        <p className={styles.holder}>
          {seat.tier} · {ticket.holderName}
        </p>
        {ticket.status === 'revoked' ? <p className={styles.revoked}>This ticket was given up for a refund and no longer gets anyone in.</p> : null}
        <details className={styles.code}>
          <summary>Can’t scan it? The code in text</summary>
          <code data-testid="ticket-code">{ticket.code}</code>
        </details>
      </div>
    </article>
  );
}
