import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

/**
 * Who may scrape /metrics: with METRICS_TOKEN set, only `Authorization:
 * Bearer <METRICS_TOKEN>` (else unauthorized); without it, anyone in
 * development and nobody in production (hidden: answered as if there were no
 * such route), since the figures say how busy the deployment is and which
 * routes and dependencies it has.
 */
export function metricsAccess(authorization: string | undefined, token: string | undefined, production: boolean): MetricsAccess {
  if (token === undefined) return production ? 'hidden' : 'allowed';
  const presented = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
  // Digests of equal length, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(presented), digest(token)) ? 'allowed' : 'unauthorized';
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
