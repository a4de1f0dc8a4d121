export * from './council.module';
export { COUNCIL_MIGRATIONS } from './migrations';
