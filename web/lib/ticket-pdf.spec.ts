import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ticketFixture } from '@/test/tickets';
import { ticketsPdf } from './ticket-pdf';

const ticket = (n: number) => ticketFixture(n, { holderName: 'Zoë 山田', code: `ST1.${'a'.repeat(120)}.${'b'.repeat(86)}` });
// A 3×3 square of modules, drawn as the QR component draws its dark modules.
const QR = { path: 'M0 0h1v1H0zM2 2h1v1H2z', modules: 3 };

describe('the printable PDF of a booking’s tickets', () => {
  it('has one page a ticket, titled after the event', async () => {
    const bytes = await ticketsPdf({ name: 'Late Night Jazz', venue: 'Blue Note', startsAt: '2026-12-24T20:00:00.000Z' }, [
      { ticket: ticket(5), qr: QR },
      { ticket: ticket(6), qr: QR },
    ]);

    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe('Tickets · Late Night Jazz');
  });

  it('prints names its fonts cannot draw with "?" instead of failing the download', async () => {
    await expect(
      ticketsPdf({ name: 'Концерт', venue: 'Zénith', startsAt: '2026-12-24T20:00:00.000Z' }, [{ ticket: ticket(1), qr: QR }]),
    ).resolves.toBeInstanceOf(Uint8Array);
  });
});
