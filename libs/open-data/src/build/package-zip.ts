import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotFileView } from '@polity/contracts';
import { ZipFile } from 'yazl';
import { HashingFile } from './hashing-file';

export const ZIP_NAME = 'package.zip';

/**
 * The package as one zip, compressed while the package is still being written: each file is added
 * as soon as it is complete, so deflating one table overlaps PostgreSQL writing the next.
 */
export class PackageZip {
  private readonly zip = new ZipFile();
  private readonly written: Promise<SnapshotFileView>;

  constructor(private readonly folder: string) {
    const out = new HashingFile(join(folder, ZIP_NAME));
    this.written = (async () => {
      for await (const chunk of this.zip.outputStream as AsyncIterable<Buffer>) await out.write(chunk);
      return { name: ZIP_NAME, ...(await out.close()) };
    })();
    // Awaited by finish(); a build that fails abandons the zip with its folder.
    this.written.catch(() => undefined);
  }

  add(name: string): void {
    this.zip.addReadStream(createReadStream(join(this.folder, name)), name);
  }

  finish(): Promise<SnapshotFileView> {
    this.zip.end();
    return this.written;
  }

  abandon(): void {
    this.zip.end();
  }
}
