export * from './districts.module';
export * from './districts.service';
export * from './district.entity';
export { DISTRICTS_MIGRATIONS } from './migrations';
