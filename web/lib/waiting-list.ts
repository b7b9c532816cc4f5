import { statusCode, type SeatMapState } from './seat-map/seat-map-state';

/** The tiers of the map with no seat on general sale, in the map's tier order; null until the seats are loaded. */
export function soldOutTiersOf(state: Pick<SeatMapState, 'layout' | 'statuses'>): string[] | null {
  const layout = state.layout;
  if (!layout) return null;
  const available = statusCode('available');
  const open = new Set<number>();
  for (let i = 0; i < state.statuses.length; i += 1) if (state.statuses[i] === available) open.add(layout.tierIndex[i]!);
  return layout.tiers.filter((tier) => !open.has(tier.colour)).map((tier) => tier.tier);
}
