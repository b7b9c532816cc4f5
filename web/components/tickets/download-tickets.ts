import type { Ticket } from '@seatstorm/contracts';
import { ticketsPdf, type PrintedEvent, type QrArt } from '@/lib/ticket-pdf';

/**
 * The QR code a ticket card shows, as vector art for the PDF: the path of its dark modules and
 * the size of its square, read from the card's SVG so that the PDF carries the very same code.
 */
function qrArtOf(container: ParentNode, ticketId: string): QrArt {
  const svg = container.querySelector<SVGSVGElement>(`svg[data-ticket-qr="${CSS.escape(ticketId)}"]`);
  const paths = svg?.querySelectorAll('path');
  const path = paths?.[paths.length - 1]?.getAttribute('d');
  const modules = svg?.viewBox.baseVal.width;
  if (!path || !modules) throw new Error(`The QR code of ticket ${ticketId} is not on the page`);
  return { path, modules };
}

/** Builds the tickets' PDF from what the page shows and hands it to the browser as a download. */
export async function downloadTickets(container: ParentNode, event: PrintedEvent, tickets: readonly Ticket[], fileName: string): Promise<void> {
  const bytes = await ticketsPdf(
    event,
    tickets.map((ticket) => ({ ticket, qr: qrArtOf(container, ticket.id) })),
  );
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the file before the address goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
