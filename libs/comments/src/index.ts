export * from './comments.module';
export * from './comments.service';
export { COMMENTS_MIGRATIONS } from './migrations';
export { CommentThreadsQuery } from './comment-threads.query';
export type { CommentThreadDto, CommentSort } from './comments.dto';
