import { useCallback, type KeyboardEvent } from 'react';
import type { SeatLayout } from '@/lib/seat-map/layout';
import { directionOfKey, neighbourInDirection } from '@/lib/seat-map/navigation';

/** Arrow keys move between neighbouring seats; Enter and Space toggle the focused one. */
export function useSeatKeyboard(layout: SeatLayout, focusIndex: number, moveFocus: (index: number) => void, onToggle: (seatId: string) => void) {
  return useCallback(
    (event: KeyboardEvent) => {
      const direction = directionOfKey(event.key);
      if (direction) {
        event.preventDefault();
        moveFocus(neighbourInDirection(layout, focusIndex, direction));
        return;
      }
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        const seat = layout.seats[focusIndex];
        if (seat) onToggle(seat.id);
      }
    },
    [layout, focusIndex, moveFocus, onToggle],
  );
}
