import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SurveyConfig } from '@polity/platform';
import { Injectable } from '@nestjs/common';

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

  /**
   * Writes the chunks to a file of its own and opens it for reading; the file is deleted once read
   * (or abandoned). A download reads from disk at the client's pace while the database connection
   * that produced it is long free.
   */
  async spool(chunks: AsyncIterable<string>): Promise<{ stream: ReadStream; size: number }> {
    await mkdir(this.config.exportDir, { recursive: true });
    const path = join(this.config.exportDir, `download-${randomUUID()}.csv.part`);
    try {
      const out = createWriteStream(path);
      for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');
      const { size } = await stat(path);
      const stream = createReadStream(path);
      stream.once('close', () => void rm(path, { force: true }));
      return { stream, size };
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
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
