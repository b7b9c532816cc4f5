/** Whether this launcher started a component (and so `down` may stop it). */
export type StartedBy = 'infra' | 'external';

export interface ComponentStatus {
  up: boolean;
  /** host:port, never credentials. */
  address: string;
  pid?: number;
  startedBy: StartedBy;
  /** A short note: topic count, database presence, or why it is down. */
  detail: string;
}
