export * from './domain-error';
export * from './outage';
export * from './to-domain-error';
