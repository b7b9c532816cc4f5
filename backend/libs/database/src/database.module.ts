import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { Pool } from 'pg';
import { createPgPool } from './pg-pool';
import { createPrismaClient, type PrismaClient } from './prisma-client';

/** Injection token of the one Prisma client. Only repositories inject it. */
export const PRISMA = Symbol('PRISMA');
/** Injection token of the process's node-postgres pool, which the Prisma client runs on. Only repositories inject it. */
export const PG_POOL = Symbol('PG_POOL');

@Global()
@Module({
  providers: [
    {
      provide: PG_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createPgPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
    },
    {
      provide: PRISMA,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => createPrismaClient(pool),
    },
  ],
  exports: [PRISMA, PG_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end();
  }
}
