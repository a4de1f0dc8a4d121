export * from './comments.module';
export * from './comments.service';
export { COMMENTS_MIGRATIONS } from './migrations';
