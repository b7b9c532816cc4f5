import { z } from 'zod';
import { authResultSchema, loginRequestSchema, publicUserSchema, registerRequestSchema } from '../auth';
import { idSchema } from '../ids';
import { RpcPattern } from '../topics';
import { defineRpc } from './rpc';

export const authRegisterRpc = defineRpc({
  pattern: RpcPattern.AuthRegister,
  request: registerRequestSchema,
  reply: authResultSchema,
});

export const authLoginRpc = defineRpc({
  pattern: RpcPattern.AuthLogin,
  request: loginRequestSchema,
  reply: authResultSchema,
});

export const authGetUserRpc = defineRpc({
  pattern: RpcPattern.AuthGetUser,
  request: z.object({ userId: idSchema }),
  reply: publicUserSchema,
});
