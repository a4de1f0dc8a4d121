export * from './codesign.module';
export { CODESIGN_MIGRATIONS } from './migrations';
