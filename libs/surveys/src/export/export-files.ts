import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SurveyConfig } from '@polity/platform';
import { Injectable } from '@nestjs/common';
import { type SpooledDownload, spoolWhileSending } from './spooled-download';

/** Where worker-built exports live: a folder the api and the worker share. Names are export ids only. */
@Injectable()
export class ExportFiles {
  constructor(private readonly config: SurveyConfig) {}

  async prepare(exportId: string): Promise<{ partial: string; final: string }> {
    await mkdir(this.config.exportDir, { recursive: true });
    return { partial: join(this.config.exportDir, `${exportId}.csv.part`), final: join(this.config.exportDir, `${exportId}.csv`) };
  }

  /** Moved into place whole, so a reader never sees half a file. */
  async publish(paths: { partial: string; final: string }): Promise<void> {
    await rename(paths.partial, paths.final);
  }

  async discard(paths: { partial: string }): Promise<void> {
    await rm(paths.partial, { force: true });
  }

  /** Sends the chunks as they come while keeping them in a file of its own (see spoolWhileSending). */
  async spool(chunks: AsyncIterable<Buffer>): Promise<SpooledDownload> {
    await mkdir(this.config.exportDir, { recursive: true });
    return spoolWhileSending(join(this.config.exportDir, `download-${randomUUID()}.csv.part`), chunks);
  }

  async open(exportId: string): Promise<{ stream: ReadStream; size: number } | null> {
    const path = join(this.config.exportDir, `${exportId}.csv`);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path), size };
    } catch {
      return null;
    }
  }
}
