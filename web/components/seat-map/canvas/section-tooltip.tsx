import { toScreen, type Camera } from '@/lib/seat-map/camera';
import { availabilityOf, leftWords, type SectionShape } from '@/lib/seat-map/sections';
import { formatPriceRange } from '@/lib/format';
import styles from '../seat-map.module.css';

/** About the tooltip's height: a section closer than this to the top gets its tooltip below its label. */
const TOOLTIP_ROOM_PX = 90;

/** The section under the pointer: its name, tiers and prices, and what is left. Visual only: the section picker says the same. */
export function SectionTooltip({ section, available, total, camera }: { section: SectionShape; available: number; total: number; camera: Camera }) {
  const at = toScreen(camera, section.centre.x, section.centre.y);
  return (
    <div className={styles.tooltip} style={{ left: at.x, top: at.y - 14 }} data-below={at.y < TOOLTIP_ROOM_PX || undefined} aria-hidden="true">
      <strong>Section {section.name}</strong>
      <span>
        {section.tiers.join(' / ')} · {formatPriceRange(section.minPrice, section.maxPrice)}
      </span>
      <span className={styles.tooltipState} data-availability={availabilityOf(available, total)}>
        {leftWords(available, total)}
      </span>
      <span className={styles.tooltipFeatures}>Click to see its seats</span>
    </div>
  );
}
