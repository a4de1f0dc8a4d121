export * from './open-data.module';
export { OPEN_DATA_MIGRATIONS } from './migrations';
export { SnapshotsService } from './snapshots.service';
