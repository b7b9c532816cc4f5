export * from './kafka-options';
export * from './rpc-client';
export * from './rpc-client.module';
export * from './rpc-server';
export * from './kafka-health';
