export * from './broadcaster';
export * from './room-policy';
export * from './room-policies';
export * from './room-sequence';
export * from './realtime-io.adapter';
export * from './realtime.gateway';
export * from './realtime.module';
