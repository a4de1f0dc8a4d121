export * from './follows.module';
export * from './follows.service';
export { ResourceParamsDto } from './follows.controller';
export { FOLLOWS_MIGRATIONS } from './migrations';
