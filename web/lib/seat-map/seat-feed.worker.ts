import { seatSnapshotSchema, type SeatSnapshot } from '@seatstorm/contracts';
import { startSeatFeed, type FeedMessage, type PageMessage } from './seat-feed';

/** The seat feed (seat-feed.ts) in a worker of its own: the page's main thread never reads or lays out the snapshot. */

/** A stadium's snapshot is megabytes: a phone on a slow network needs longer than for other answers. */
const SNAPSHOT_TIMEOUT_MS = 30_000;

interface WorkerScope {
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
  postMessage(message: FeedMessage, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/**
 * GET /events/:eventId/seats, checked against the contract. `no-cache` revalidates a snapshot the browser already
 * holds (this page opened again): the gateway answers 304, without the megabytes, while the version is unchanged.
 */
async function fetchSnapshot(url: string): Promise<SeatSnapshot> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-cache', signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return seatSnapshotSchema.parse(await response.json());
}

let feed: ((message: PageMessage) => void) | null = null;

scope.onmessage = ({ data }) => {
  if (data.kind !== 'start') {
    feed?.(data);
    return;
  }
  feed = startSeatFeed(data, {
    post: (message, transfer = []) => scope.postMessage(message, transfer),
    loadSnapshot: () => fetchSnapshot(data.seatsUrl),
  });
};
