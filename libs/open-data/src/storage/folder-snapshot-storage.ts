import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { OpenDataConfig } from '@polity/platform';
import { SnapshotStorage } from './snapshot-storage';

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Snapshots as folders under OPEN_DATA_DIR: `.staging/<id>` while building, `<id>` once published.
 * Both are on one filesystem, so publishing is a single rename.
 */
@Injectable()
export class FolderSnapshotStorage extends SnapshotStorage {
  constructor(private readonly config: OpenDataConfig) {
    super();
  }

  private staged(id: string): string {
    return join(this.config.dir, '.staging', id);
  }

  private published(id: string): string {
    return join(this.config.dir, id);
  }

  async stage(id: string): Promise<string> {
    await this.discard(id);
    await mkdir(this.staged(id), { recursive: true });
    return this.staged(id);
  }

  async publish(id: string): Promise<void> {
    await rm(this.published(id), { recursive: true, force: true });
    await rename(this.staged(id), this.published(id));
  }

  async discard(id: string): Promise<void> {
    await rm(this.staged(id), { recursive: true, force: true });
  }

  async open(id: string, name: string): Promise<{ stream: Readable; bytes: number } | null> {
    if (!SAFE_NAME.test(name)) return null;
    const path = join(this.published(id), name);
    const found = await stat(path).catch(() => null);
    return found?.isFile() ? { stream: createReadStream(path), bytes: found.size } : null;
  }

  async remove(id: string): Promise<void> {
    await rm(this.published(id), { recursive: true, force: true });
  }
}
