import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes a file while counting its bytes and hashing it, honouring backpressure. */
export class HashingFile {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private readonly out: WriteStream;

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  async write(chunk: string | Buffer): Promise<void> {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(buffer);
    this.bytes += buffer.length;
    if (!this.out.write(buffer)) await once(this.out, 'drain');
  }

  async close(): Promise<{ bytes: number; sha256: string }> {
    this.out.end();
    await once(this.out, 'finish');
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}
