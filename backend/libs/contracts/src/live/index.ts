export * from './seat-map-socket';
export * from './seat-map-sync';
