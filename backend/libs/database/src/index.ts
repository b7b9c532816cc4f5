export * from './database.module';
export * from './pg-pool';
export * from './prisma-client';
export * from './database-health.repository';
