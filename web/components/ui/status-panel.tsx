import type { ReactNode } from 'react';
import styles from './status-panel.module.css';

export type StatusPanelKind = 'info' | 'offline' | 'error';

const ICON_PATHS: Record<StatusPanelKind, string> = {
  // A ticket stub.
  info: 'M3.5 7.5A1.5 1.5 0 0 1 5 6h14a1.5 1.5 0 0 1 1.5 1.5V10a2 2 0 0 0 0 4v2.5A1.5 1.5 0 0 1 19 18H5a1.5 1.5 0 0 1-1.5-1.5V14a2 2 0 0 0 0-4ZM15 7v1.5M15 11.25v1.5M15 15.5V17',
  // A struck-through signal.
  offline: 'M2.5 9a14 14 0 0 1 19 0M5.5 12.5a9.5 9.5 0 0 1 13 0M8.5 16a5 5 0 0 1 7 0M12 19.5h.01M3 3l18 18',
  // A warning triangle.
  error: 'M10.3 4.2a2 2 0 0 1 3.4 0l7.6 13.1a2 2 0 0 1-1.7 3H4.4a2 2 0 0 1-1.7-3ZM12 9.5v4M12 17h.01',
};

interface StatusPanelProps {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  kind?: StatusPanelKind;
  /** `status` announces the panel politely, for states that resolve on their own. */
  role?: 'status' | 'alert';
  headingLevel?: 1 | 2;
}

/** A centred message with a way forward: empty lists, missing pages, outages. */
export function StatusPanel({ title, children, actions, kind = 'info', role, headingLevel = 1 }: StatusPanelProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className={styles.panel} data-kind={kind} role={role}>
      <div className={styles.icon} aria-hidden="true">
        <svg viewBox="0 0 24 24">
          <path d={ICON_PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <Heading className={styles.title}>{title}</Heading>
      <div className={styles.message}>{children}</div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </section>
  );
}
