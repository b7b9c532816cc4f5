import { Inject, Injectable } from '@nestjs/common';
import { PRISMA } from './database.module';
import type { PrismaClient } from './prisma-client';

@Injectable()
export class DatabaseHealthRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Round-trips one query; throws when PostgreSQL is unreachable. */
  async ping(): Promise<void> {
    await this.prisma.$queryRaw`SELECT 1`;
  }
}
