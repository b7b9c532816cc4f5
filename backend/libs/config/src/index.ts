export * from './config.module';
export * from './config.schema';
export * from './load-config';
export * from './ticket-signing-key';
