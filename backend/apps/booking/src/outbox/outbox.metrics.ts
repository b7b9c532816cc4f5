import { ScrapedGauge } from '@seatstorm/observability';

/*
 * Read from the database at every scrape, so they describe the one outbox all
 * booking instances share (take the max across instances, not the sum). A
 * backlog that grows, or an oldest message that ages past a few seconds, means
 * decisions are made but not announced: the relay or Kafka is stuck.
 */

export const outboxBacklog = new ScrapedGauge({
  name: 'seatstorm_outbox_backlog',
  help: 'Outbox messages committed but not yet published to Kafka (messages set aside as unpublishable are not counted).',
});

export const outboxOldestAge = new ScrapedGauge({
  name: 'seatstorm_outbox_oldest_age_seconds',
  help: 'How long the oldest unpublished outbox message has waited; 0 when none waits.',
});
