import { Module, type DynamicModule } from '@nestjs/common';
import type { RpcPattern } from '@seatstorm/contracts';
import { RPC_PATTERNS, RpcClient } from './rpc-client';

/** Provides an RpcClient that can call the given request-reply patterns. */
@Module({})
export class RpcClientModule {
  static register(patterns: readonly RpcPattern[]): DynamicModule {
    return {
      module: RpcClientModule,
      providers: [{ provide: RPC_PATTERNS, useValue: patterns }, RpcClient],
      exports: [RpcClient],
    };
  }
}
