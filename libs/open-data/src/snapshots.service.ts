import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { OpenDataSnapshotView } from '@polity/contracts';
import { type Principal, Problems, UnitOfWork } from '@polity/platform';
import { DataSource } from 'typeorm';
import { DESCRIPTOR } from './build/snapshot-builder';
import { presentSnapshot } from './snapshot-presenter';
import { SnapshotEntity } from './snapshot.entity';
import { SnapshotStorage } from './storage/snapshot-storage';

const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
  pb: 'text/plain; charset=utf-8',
};

export interface SnapshotDownload {
  stream: Readable;
  bytes: number;
  sha256: string;
  mediaType: string;
}

@Injectable()
export class SnapshotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly storage: SnapshotStorage,
  ) {}

  /** An admin asks for a snapshot now; the worker builds it. */
  async request(principal: Principal): Promise<OpenDataSnapshotView> {
    const row = await this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(tx.manager.create(SnapshotEntity, { requestedById: principal.userId }));
      tx.publish('open_data.snapshot_requested', { snapshotId: saved.id });
      return saved;
    });
    return presentSnapshot(row);
  }

  /** Published snapshots, newest first; admins also see queued, building and failed ones. */
  async list(includeUnpublished: boolean): Promise<OpenDataSnapshotView[]> {
    const rows = await this.dataSource.manager.find(SnapshotEntity, {
      where: includeUnpublished ? {} : { status: 'published' },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 100,
    });
    return rows.map(presentSnapshot);
  }

  /** A file of a published snapshot (`latest` or an id): the descriptor, a CSV, a `.pb`, or the zip. */
  async download(ref: string, name: string): Promise<SnapshotDownload> {
    const snapshot = await this.published(ref);
    const file = [...(snapshot.files ?? []), ...(snapshot.zip ? [snapshot.zip] : [])].find((candidate) => candidate.name === name);
    const opened = file && (await this.storage.open(snapshot.id, name));
    if (!file || !opened) throw Problems.notFound('That file');
    return { ...opened, sha256: file.sha256, mediaType: MEDIA_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' };
  }

  descriptor(ref: string): Promise<SnapshotDownload> {
    return this.download(ref, DESCRIPTOR);
  }

  private async published(ref: string): Promise<SnapshotEntity> {
    const snapshot =
      ref === 'latest'
        ? await this.dataSource.manager.findOne(SnapshotEntity, {
            where: { status: 'published' },
            order: { finishedAt: 'DESC', id: 'DESC' },
          })
        : /^[0-9a-f-]{36}$/.test(ref)
          ? await this.dataSource.manager.findOneBy(SnapshotEntity, { id: ref, status: 'published' })
          : null;
    if (!snapshot) throw Problems.notFound(ref === 'latest' ? 'A published snapshot' : 'That snapshot');
    return snapshot;
  }
}
