import type { AppConfig } from '@seatstorm/config';
import type { IHeaders } from 'kafkajs';

// WARNING: a header on every message Seatstorm produces; consumers compare it.
export const DEPLOYMENT_HEADER = 'seatstorm-deployment';

/**
 * Two deployments may share one broker (a developer's running stack and a test
 * run, staging beside a demo): every message is stamped with the producing
 * deployment (KAFKA_CLIENT_ID), and consumers and request handlers leave other
 * deployments' messages alone, or each would decide, answer and store the
 * other's traffic against the wrong database. Unstamped messages (sent by
 * other tools) count as one's own.
 */
export function deploymentOf(config: AppConfig): string {
  return config.KAFKA_CLIENT_ID;
}

export function isForeign(headers: IHeaders | undefined, deployment: string): boolean {
  const value = headers?.[DEPLOYMENT_HEADER];
  if (value === undefined) return false;
  const stamped = Array.isArray(value) ? value[0] : value;
  return stamped !== undefined && stamped.toString() !== deployment;
}
