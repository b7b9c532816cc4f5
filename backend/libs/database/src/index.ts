export * from './database.module';
export * from './prisma-client';
export * from './database-health.repository';
