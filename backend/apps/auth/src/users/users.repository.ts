import { Inject, Injectable } from '@nestjs/common';
import type { PublicUser, UserRole } from '@seatstorm/contracts';
import { PRISMA, Prisma, type PrismaClient } from '@seatstorm/database';

const publicUserSelect = { id: true, email: true, name: true, role: true } as const;

export interface NewUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: UserRole;
}

@Injectable()
export class UsersRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Creates the user; `null` when the email is already registered (the unique index decides, so two racing sign-ups cannot both win). */
  async insert(user: NewUser): Promise<PublicUser | null> {
    try {
      return await this.prisma.user.create({ data: user, select: publicUserSelect });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** The user and their password hash, for checking a sign-in. */
  findCredentials(email: string) {
    return this.prisma.user.findUnique({ where: { email }, select: { ...publicUserSelect, passwordHash: true } });
  }

  findById(id: string): Promise<PublicUser | null> {
    return this.prisma.user.findUnique({ where: { id }, select: publicUserSelect });
  }
}
