export * from './roles';
export * from './domain-events';
export * from './jobs';
export * from './client-events';
export * from './rooms';
export * from './views';
export * from './budget-views';
export * from './moderation';
