import { Module } from '@nestjs/common';
import { TokensModule } from '../tokens/tokens.module';
import { PasswordsService } from './passwords.service';
import { UsersConsumer } from './users.consumer';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TokensModule],
  controllers: [UsersConsumer],
  providers: [UsersService, UsersRepository, PasswordsService],
})
export class UsersModule {}
