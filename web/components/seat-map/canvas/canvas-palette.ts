import type { SeatState } from '@/lib/seat-map/seat-map-state';
import type { Availability } from '@/lib/seat-map/sections';

/**
 * The seat map's colours (and the page's font) as the canvas needs them: read from the CSS, so light and dark
 * match the SVG map, and drawing needs no document.
 */
export interface CanvasPalette {
  background: string;
  tiers: string[];
  states: Record<Exclude<SeatState, 'available'>, string>;
  mark: string;
  markDark: string;
  accent: string;
  pitch: string;
  text: string;
  /** Section labels. */
  ink: string;
  /** Sections by the share of their seats left. */
  availability: Record<Availability, string>;
  fontFamily: string;
}

const TIER_COUNT = 6;

export function readPalette(element: Element): CanvasPalette {
  const style = getComputedStyle(element);
  const v = (name: string) => style.getPropertyValue(name).trim() || '#888';
  return {
    background: v('--map-bg'),
    tiers: Array.from({ length: TIER_COUNT }, (_, i) => v(`--seat-tier-${i}`)),
    states: {
      selected: v('--seat-selected'),
      mine: v('--seat-mine'),
      reserved: v('--seat-reserved'),
      paid: v('--seat-paid'),
      confirmed: v('--seat-confirmed'),
      blocked: v('--seat-blocked'),
    },
    mark: v('--seat-mark'),
    markDark: v('--seat-mark-dark'),
    accent: v('--accent'),
    pitch: v('--ok-soft'),
    text: v('--text-muted'),
    ink: v('--text'),
    availability: { plenty: v('--ok'), some: v('--warn'), none: v('--neutral') },
    fontFamily: getComputedStyle(document.body).fontFamily,
  };
}

export function tierColour(palette: CanvasPalette, tier: number): string {
  return palette.tiers[tier % palette.tiers.length]!;
}
