import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckInCount } from '@seatstorm/contracts';
import { checkIn, getCheckInCount } from '@/lib/api';
import { admitted, refused, type DoorScan } from '@/lib/door-scan';

export interface Door {
  count: CheckInCount | null;
  /** The last scan's result, with a number that changes on every scan (the same ticket twice shows twice). */
  last: { scan: DoorScan; n: number } | null;
  checking: boolean;
  scan(code: string): Promise<void>;
}

/** One door of one event: each scan asks the gateway, which lets a ticket in once; the count follows every answer. */
export function useDoor(token: string, eventId: string | null): Door {
  const [count, setCount] = useState<CheckInCount | null>(null);
  const [last, setLast] = useState<Door['last']>(null);
  const [checking, setChecking] = useState(false);
  const scans = useRef(0);

  const refreshCount = useCallback(
    (signal?: AbortSignal) => {
      if (!eventId) return;
      getCheckInCount(token, eventId, signal).then(setCount, () => undefined);
    },
    [token, eventId],
  );

  useEffect(() => {
    setCount(null);
    setLast(null);
    const abort = new AbortController();
    refreshCount(abort.signal);
    return () => abort.abort();
  }, [refreshCount]);

  const scan = useCallback(
    async (code: string) => {
      if (!eventId) return;
      setChecking(true);
      let result: DoorScan;
      try {
        const answer = await checkIn(token, { eventId, code });
        setCount(answer.count);
        result = admitted(answer);
      } catch (error) {
        result = refused(error);
        // Another door may have let people in meanwhile.
        refreshCount();
      } finally {
        setChecking(false);
      }
      scans.current += 1;
      setLast({ scan: result, n: scans.current });
    },
    [token, eventId, refreshCount],
  );

  return { count, last, checking, scan };
}
