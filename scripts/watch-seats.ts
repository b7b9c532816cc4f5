// Watch an event's seat map change live, from a terminal:
//   npx tsx scripts/watch-seats.ts evt_eras [--url http://127.0.0.1:3000] [--lab]
// It keeps the map the way the web app does (SeatMapSync over socket.io) and
// prints every change, the running counts, and with --lab each decision of the race.
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import {
  bindSeatMap,
  SEAT_STATUSES,
  SeatMapSync,
  seatSnapshotSchema,
  SocketEvent,
  type ClientToServerEvents,
  type LabDecision,
  type SeatMapUpdate,
  type SeatStatus,
  type ServerToClientEvents,
} from '../backend/libs/contracts/src/index';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '3000'}` },
    lab: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const eventId = positionals[0] ?? 'evt_eras';
if (values.help) {
  process.stdout.write('usage: npx tsx scripts/watch-seats.ts [eventId=evt_eras] [--url http://127.0.0.1:3000] [--lab]\n');
  process.exit(0);
}
const url = values.url.replace(/\/$/, '');

const tty = process.stdout.isTTY;
const paint = (code: number) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);
const COLOURS: Record<SeatStatus, (text: string) => string> = {
  available: paint(32),
  reserved: paint(33),
  paid: paint(36),
  confirmed: paint(35),
  blocked: paint(90),
};
const dim = paint(2);
const time = () => dim(new Date().toISOString().slice(11, 23));
const say = (line: string) => process.stdout.write(`${time()}  ${line}\n`);

async function loadSnapshot(id: string) {
  const response = await fetch(`${url}/events/${encodeURIComponent(id)}/seats`);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`GET /events/${id}/seats answered ${response.status}: ${JSON.stringify(body)}`);
  return seatSnapshotSchema.parse(body);
}

const sync = new SeatMapSync({ eventId, loadSnapshot, onError: (error) => say(`snapshot failed: ${String(error)}; retrying`) });
/** The status each seat had before the latest change, to print "from → to". */
const shown = new Map<string, SeatStatus>();

function counts(): string {
  const tally = new Map<SeatStatus, number>(SEAT_STATUSES.map((status) => [status, 0]));
  for (const seat of sync.seats.values()) tally.set(seat.status, (tally.get(seat.status) ?? 0) + 1);
  return SEAT_STATUSES.map((status) => COLOURS[status](`${status} ${tally.get(status)}`)).join(dim(' · '));
}

sync.onUpdate((update: SeatMapUpdate) => {
  if (update.kind === 'snapshot') {
    shown.clear();
    for (const seat of sync.seats.values()) shown.set(seat.id, seat.status);
    say(`snapshot v${update.version} (${update.reason}) · ${sync.seats.size} seats · ${counts()}`);
    return;
  }
  for (const change of update.changes) {
    const label = sync.seats.get(change.seatId)?.label ?? change.seatId;
    const before = shown.get(change.seatId);
    shown.set(change.seatId, change.status);
    const from = before ? `${COLOURS[before](before)} → ` : '';
    say(`v${update.version}  ${label.padEnd(6)} ${from}${COLOURS[change.status](change.status)}${change.bookingId ? dim(`  ${change.bookingId}`) : ''}`);
  }
  say(`v${update.version}  ${counts()}`);
});

const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'] });
socket.on('connect', () => say(`connected to ${url} · watching ${eventId}`));
socket.on('disconnect', (reason) => say(`disconnected (${reason}); reconnecting…`));
socket.on('connect_error', (error) => say(`cannot connect to ${url}: ${error.message}`));
const unbind = bindSeatMap(socket, sync, { onError: (error) => say(`subscribe refused: ${JSON.stringify(error)}`) });

if (values.lab) {
  const lab = (decision: LabDecision) =>
    say(
      `${dim('lab')}  ${decision.userName}: ${decision.status}${decision.reason ? ` (${decision.reason})` : ''} · ${decision.seatIds.length} seat(s) · ` +
        dim(`partition ${decision.partition} offset ${decision.offset} · decided in ${decision.decidedInMs} ms`),
    );
  socket.on(SocketEvent.LabDecision, lab);
  socket.on('connect', () => socket.emit(SocketEvent.LabSubscribe, { eventId }, () => undefined));
}

process.on('SIGINT', () => {
  unbind();
  socket.close();
  process.exit(0);
});
