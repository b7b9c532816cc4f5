import { Body, Controller, Get, HttpCode, HttpStatus, Post, UseInterceptors } from '@nestjs/common';
import { loginRequestSchema, parseContract, registerRequestSchema, type AuthResult, type PublicUser } from '@seatstorm/contracts';
import { CorrelationId } from '../errors/correlation-id.decorator';
import { LoginRateLimitInterceptor } from '../rate-limits/login-rate-limit.interceptor';
import { RegisterRateLimitInterceptor } from '../rate-limits/register-rate-limit.interceptor';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { Authenticated } from './roles.decorator';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @UseInterceptors(RegisterRateLimitInterceptor)
  register(@Body() body: unknown, @CorrelationId() correlationId?: string): Promise<AuthResult> {
    return this.auth.register(parseContract(registerRequestSchema, body, 'body'), correlationId);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(LoginRateLimitInterceptor)
  login(@Body() body: unknown, @CorrelationId() correlationId?: string): Promise<AuthResult> {
    return this.auth.login(parseContract(loginRequestSchema, body, 'body'), correlationId);
  }

  @Get('me')
  @Authenticated()
  me(@CurrentUser() user: PublicUser, @CorrelationId() correlationId?: string): Promise<PublicUser> {
    return this.auth.me(user.id, correlationId);
  }
}
