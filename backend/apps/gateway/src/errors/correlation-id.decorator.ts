import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request's correlation id (set by the logging middleware from `x-correlation-id` or minted). */
export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const req = context.switchToHttp().getRequest<{ id?: unknown }>();
  return typeof req.id === 'string' ? req.id : undefined;
});
