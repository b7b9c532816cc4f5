export * from './logging.module';
export * from './metrics';
export * from './health';
export * from './metrics-access';
export * from './scraped-gauge';
export * from './correlation';
