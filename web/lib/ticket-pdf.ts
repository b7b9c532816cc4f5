import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import type { Ticket } from '@seatstorm/contracts';
import { formatEventDate } from './format';

/** A ticket's QR code as vector art: an SVG path over a square of `modules` units (the code's modules and quiet zone). */
export interface QrArt {
  path: string;
  modules: number;
}

export interface TicketPrint {
  ticket: Ticket;
  qr: QrArt;
}

export interface PrintedEvent {
  name: string;
  venue: string;
  startsAt: string;
}

// A6 in points, the size of a printed ticket; one ticket a page.
const PAGE = { width: 298, height: 420 };
const MARGIN = 24;
const QR_SIZE = 170;
const INK = rgb(0.07, 0.08, 0.12);
const MUTED = rgb(0.33, 0.36, 0.42);

/**
 * The printable PDF of a booking's tickets: per page the event, the seat, the holder, the QR
 * code drawn as vectors (sharp at any printer's resolution) and the code in text for the door
 * to type when a scan fails. The standard fonts cover Latin text only: other characters print
 * as "?" rather than failing the whole download.
 */
export async function ticketsPdf(event: PrintedEvent, prints: readonly TicketPrint[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Tickets · ${event.name}`);
  doc.setCreator('Seatstorm');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const mono = await doc.embedFont(StandardFonts.Courier);

  for (const { ticket, qr } of prints) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    let y = PAGE.height - MARGIN;
    const line = (text: string, font: PDFFont, size: number, color = INK) => {
      for (const part of wrap(printable(text, font), font, size, PAGE.width - 2 * MARGIN)) {
        y -= size * 1.25;
        page.drawText(part, { x: MARGIN, y, size, font, color });
      }
    };
    line('SEATSTORM TICKET', bold, 8, MUTED);
    line(event.name, bold, 15);
    line(`${event.venue} · ${formatEventDate(event.startsAt)}`, regular, 9, MUTED);
    y -= 6;
    line(`${ticket.seat.section} · Row ${ticket.seat.row} · Seat ${ticket.seat.number}`, bold, 12);
    line(`${ticket.seat.tier} · ${ticket.holderName}`, regular, 9, MUTED);
    y -= 10 + QR_SIZE;
    page.drawSvgPath(qr.path, { x: (PAGE.width - QR_SIZE) / 2, y: y + QR_SIZE, scale: QR_SIZE / qr.modules, color: INK });
    y -= 6;
    line(
      ticket.status === 'valid' ? 'Show this code at the door. It lets one person in, once.' : `This ticket is ${ticket.status.replace('_', ' ')}.`,
      regular,
      8,
      MUTED,
    );
    line(ticket.code, mono, 5.5, MUTED);
  }
  return doc.save();
}

/** The text with what the font cannot draw replaced by "?". */
function printable(text: string, font: PDFFont): string {
  const drawable = new Set(font.getCharacterSet());
  return [...text].map((char) => (drawable.has(char.codePointAt(0)!) ? char : '?')).join('');
}

/** Lines no wider than `width`, broken between words, or anywhere in a word longer than a line (a ticket code). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const char of text) {
    const next = current + char;
    if (font.widthOfTextAtSize(next, size) <= width) {
      current = next;
      continue;
    }
    const space = current.lastIndexOf(' ');
    if (char !== ' ' && space > 0) {
      lines.push(current.slice(0, space));
      current = current.slice(space + 1) + char;
    } else {
      lines.push(current);
      current = char === ' ' ? '' : char;
    }
  }
  if (current) lines.push(current);
  return lines;
}
