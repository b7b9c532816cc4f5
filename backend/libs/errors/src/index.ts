export * from './domain-error';
export * from './outage';
export * from './error-answer';
