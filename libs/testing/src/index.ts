export * from './test-config';
export * from './test-app';
export * from './expect-eventually';
export * from './socket-client';
export * from './user-factory';
export * from './budget-factory';
export * from './moderation-helpers';
export * from './survey-factory';
