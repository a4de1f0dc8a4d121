export * from './codesign.module';
export { CODESIGN_MIGRATIONS } from './migrations';
export { ThreadsService } from './threads/threads.service';
export { CreateThreadDto } from './threads/threads.dto';
export { PostsService } from './posts/posts.service';
