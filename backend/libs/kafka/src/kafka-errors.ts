/**
 * Whether the broker refused what was sent, for good: a protocol error it
 * marks not retriable (a message too large, a corrupt record), as opposed to
 * the broker being away or slow, which a later try can get past. kafkajs
 * wraps the broker's answer in its retrier's errors; the chain of causes is
 * searched.
 */
export function isRefusedByBroker(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if (cause.name === 'KafkaJSProtocolError' && (cause as Error & { retriable?: boolean }).retriable === false) return true;
  }
  return false;
}
