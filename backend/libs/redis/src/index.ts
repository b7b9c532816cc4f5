export * from './redis.module';
export * from './seat-snapshot-cache';
