import { useId } from 'react';
import type { SectionMap } from '@/lib/seat-map/sections';
import styles from '../seat-map.module.css';
import type { SectionCounts } from './draw-sections';

interface SectionPickerProps {
  map: SectionMap;
  counts: SectionCounts;
  /** The section in view, or null while all of them show. */
  current: number | null;
  onPick(section: number): void;
  onOverview(): void;
}

/** Over the map: which section is in view, and a way to any other, or back to all of them, without pointing. */
export function SectionPicker({ map, counts, current, onPick, onOverview }: SectionPickerProps) {
  const id = useId();
  return (
    <div className={styles.sectionPicker}>
      <label className="visually-hidden" htmlFor={id}>
        Section
      </label>
      <select
        id={id}
        value={current === null ? '' : (map.sections[current]?.name ?? '')}
        onChange={(event) => {
          const section = map.sections.findIndex(({ name }) => name === event.target.value);
          if (section >= 0) onPick(section);
          else onOverview();
        }}
      >
        <option value="">All sections</option>
        {map.sections.map((section, index) => (
          <option key={section.name} value={section.name}>
            {section.name} — {(counts.available[index] ?? 0) === 0 ? 'sold out' : `${(counts.available[index] ?? 0).toLocaleString('en-US')} left`}
          </option>
        ))}
      </select>
    </div>
  );
}
