import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { JobPayloads, SnapshotStatus } from '@polity/contracts';
import { OpenDataConfig } from '@polity/platform';
import { HandlesJob, JobQueue } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { SnapshotEntity } from '../snapshot.entity';
import { SnapshotStorage } from '../storage/snapshot-storage';
import { SnapshotBuilder } from './snapshot-builder';

export const OPEN_DATA_ROOM = 'open-data';

/**
 * Builds snapshots: daily at 03:00 UTC, and when an admin asks. A build writes into a staging
 * folder and publishes it with one rename; a failure discards the folder and marks the snapshot
 * failed, so readers only ever see whole packages. A retried job rebuilds from scratch.
 */
@Injectable()
export class SnapshotHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SnapshotHandler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: SnapshotBuilder,
    private readonly storage: SnapshotStorage,
    private readonly broadcaster: Broadcaster,
    private readonly config: OpenDataConfig,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('open-data-daily', 'open-data.scheduled-snapshot', { pattern: '0 3 * * *', tz: 'UTC' }, {});
  }

  @HandlesJob('open-data.scheduled-snapshot')
  async scheduled(): Promise<{ snapshotId: string }> {
    const row = await this.dataSource.manager.save(this.dataSource.manager.create(SnapshotEntity, { requestedById: null }));
    await this.build(row.id);
    return { snapshotId: row.id };
  }

  @HandlesJob('open-data.build-snapshot')
  async requested(event: JobPayloads['open-data.build-snapshot']): Promise<{ snapshotId: string }> {
    await this.build(event.payload.snapshotId);
    return { snapshotId: event.payload.snapshotId };
  }

  private async build(id: string): Promise<void> {
    const row = await this.dataSource.manager.findOneBy(SnapshotEntity, { id });
    if (!row || row.status === 'published') return;
    await this.mark(id, 'building', { failure: null });
    try {
      const folder = await this.storage.stage(id);
      const { files, zip } = await this.builder.build(id, folder, (done, total) => this.progress(id, 'building', done, total));
      await this.storage.publish(id);
      const pruned = await this.publishAndPrune(id, { files, zip, finishedAt: new Date() });
      await this.progress(id, 'published', files.length, files.length);
      for (const old of pruned) await this.storage.remove(old);
    } catch (error) {
      // Whatever broke may break the clean-up too; the snapshot is marked failed regardless.
      await this.storage.discard(id).catch(() => undefined);
      const failure = error instanceof Error ? error.message : String(error);
      await this.mark(id, 'failed', { failure, finishedAt: new Date() });
      await this.progress(id, 'failed', 0, 0);
      this.logger.warn({ snapshotId: id, failure }, 'open-data snapshot failed');
      throw error;
    }
  }

  /**
   * Lists the new snapshot and drops those beyond OPEN_DATA_RETENTION in one transaction, so readers
   * never see more than the retention; returns the dropped ids, whose folders go after commit.
   */
  private publishAndPrune(id: string, changes: Partial<SnapshotEntity>): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.update(SnapshotEntity, { id }, { status: 'published', ...changes });
      const old = await manager.find(SnapshotEntity, {
        where: { status: 'published' },
        order: { finishedAt: 'DESC', id: 'DESC' },
        skip: this.config.retention,
        select: { id: true },
      });
      if (old.length > 0)
        await manager.delete(
          SnapshotEntity,
          old.map((snapshot) => snapshot.id),
        );
      return old.map((snapshot) => snapshot.id);
    });
  }

  private async mark(id: string, status: SnapshotStatus, changes: Partial<SnapshotEntity>): Promise<void> {
    await this.dataSource.manager.update(SnapshotEntity, { id }, { status, ...changes });
  }

  private async progress(snapshotId: string, status: SnapshotStatus, done: number, total: number): Promise<void> {
    await this.broadcaster.toRoom(OPEN_DATA_ROOM, 'open_data.progress', { snapshotId, status, done, total });
  }
}
