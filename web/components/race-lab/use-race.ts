import { useCallback, useState } from 'react';
import { cancelBooking, getSeats } from '@/lib/api';
import { describeError } from '@/lib/errors';
import type { PaneResult, RaceSignal } from './lab-pane';

export interface Race extends RaceSignal {
  /** Decisions from this instant on belong to the race. */
  startedAt: string;
}

export interface RaceState {
  /** The seat the racers will hold. */
  target: string | null;
  race: Race | null;
  /** Each racer's answer, by name. */
  results: Record<string, PaneResult>;
  /** What the last pick or release said. */
  message: string | null;
  hasWinner: boolean;
  pick(seatId: string): void;
  pickRandom(): Promise<void>;
  /** Starts a race for the target: every pane holds it at once. */
  start(): void;
  releaseWinner(): Promise<void>;
  onResult(name: string, result: PaneResult): void;
}

/** The race lab's round: pick a seat, race for it, see who won, release it to race again. */
export function useRace(eventId: string): RaceState {
  const [target, setTarget] = useState<string | null>(null);
  const [race, setRace] = useState<Race | null>(null);
  const [results, setResults] = useState<Record<string, PaneResult>>({});
  const [message, setMessage] = useState<string | null>(null);

  const onResult = useCallback((name: string, result: PaneResult) => {
    setResults((current) => ({ ...current, [name]: result }));
  }, []);

  const pick = useCallback((seatId: string) => {
    setTarget(seatId);
    setResults({});
    setMessage(null);
  }, []);

  async function pickRandom() {
    try {
      const snapshot = await getSeats(eventId);
      const free = snapshot.seats.filter((seat) => seat.status === 'available');
      const seat = free[Math.floor(Math.random() * free.length)];
      if (seat) pick(seat.id);
      else setMessage('Every seat is taken: release some to race again.');
    } catch (cause) {
      setMessage(describeError(cause));
    }
  }

  const start = () => {
    if (!target) return;
    setResults({});
    // A second early, so that decisions stamped by a server clock a little behind this browser's still count.
    setRace((previous) => ({ serial: (previous?.serial ?? 0) + 1, seatId: target, startedAt: new Date(Date.now() - 1_000).toISOString() }));
  };

  async function releaseWinner() {
    const winners = Object.values(results).filter((result) => result.outcome === 'won' && result.bookingId);
    try {
      await Promise.all(winners.map((winner) => cancelBooking(winner.token, winner.bookingId!)));
      setResults({});
      setMessage(winners.length ? 'Released: the seat is free to race for again.' : null);
    } catch (cause) {
      setMessage(describeError(cause));
    }
  }

  const hasWinner = Object.values(results).some((result) => result.outcome === 'won');
  return { target, race, results, message, hasWinner, pick, pickRandom, start, releaseWinner, onResult };
}
