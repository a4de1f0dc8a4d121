export * from './comments.module';
export * from './comments.service';
export { COMMENTS_MIGRATIONS } from './migrations';
export { CommentThreadsQuery } from './comment-threads.query';
export type { CommentThreadDto, CommentSort } from './comments.dto';
export { Conversation, CommentForm, type CommentDraft } from './pages/conversation';
export { CommentForms } from './pages/comment-forms';
export { COMMENTS_MESSAGES } from './pages/comments.messages';
export { COMMENT_SORTS } from './comments.dto';
