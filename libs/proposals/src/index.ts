export * from './proposals.module';
export * from './proposals.service';
export * from './proposals.query';
export { PROPOSALS_MIGRATIONS } from './migrations';
