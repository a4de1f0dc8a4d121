import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@polity/queue';
import { BroadcastModule } from '@polity/realtime';
import { SnapshotBuilder } from './build/snapshot-builder';
import { SnapshotHandler } from './build/snapshot.handler';
import { OpenDataRoomPolicy } from './open-data-rooms';
import { SnapshotEntity } from './snapshot.entity';
import { SnapshotsController } from './snapshots.controller';
import { SnapshotsService } from './snapshots.service';
import { FolderSnapshotStorage } from './storage/folder-snapshot-storage';
import { SnapshotStorage } from './storage/snapshot-storage';

export const OPEN_DATA_ENTITIES = [SnapshotEntity];

const STORAGE = { provide: SnapshotStorage, useClass: FolderSnapshotStorage };

/** Open-data snapshots: storage and queries; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(OPEN_DATA_ENTITIES)],
  providers: [STORAGE, SnapshotsService],
  exports: [STORAGE, SnapshotsService],
})
export class OpenDataModule {}

/** Public downloads and the admins' request; the api's part. */
@Module({
  imports: [OpenDataModule],
  controllers: [SnapshotsController],
  providers: [OpenDataRoomPolicy],
})
export class OpenDataHttpModule {}

/** The worker's part: building, publishing and pruning snapshots. */
@Module({
  imports: [OpenDataModule, QueueModule, BroadcastModule],
  providers: [SnapshotBuilder, SnapshotHandler],
})
export class OpenDataJobsModule {}
