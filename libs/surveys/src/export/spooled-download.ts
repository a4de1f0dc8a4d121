import { open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';

const READ_SIZE = 64 * 1024;

export interface SpooledDownload {
  /** The file's bytes as they are written, at the client's pace. */
  stream: Readable;
  /** Settles when every chunk is in the file (or writing failed or was abandoned). */
  written: Promise<void>;
}

/**
 * Writes the chunks into a file of its own at the producer's pace and sends that file as it grows:
 * the download starts at once, yet a slow client never slows the producer (a database read) down,
 * since what the client has not taken waits on disk, not in a connection. The file is deleted when
 * both are done. Resolves once the first chunk is written, so an early failure is still an error
 * response rather than a cut-off download.
 */
export async function spoolWhileSending(path: string, chunks: AsyncIterable<Buffer>): Promise<SpooledDownload> {
  const file = await open(path, 'w+');
  let size = 0;
  let finished = false;
  let failure: Error | undefined;
  let abandoned = false;
  let wake: (() => void) | undefined;
  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const written = (async () => {
    try {
      for await (const chunk of chunks) {
        if (abandoned) break; // Leaving the loop ends the producer (its generator's finally).
        await file.write(chunk, 0, chunk.length, size);
        size += chunk.length;
        notify();
      }
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    } finally {
      finished = true;
      notify();
    }
  })();

  let discarded: Promise<void> | undefined;
  const discard = () => (discarded ??= written.then(() => file.close()).then(() => rm(path, { force: true })));

  let sent = 0;
  const stream = new Readable({
    highWaterMark: READ_SIZE,
    read() {
      void (async () => {
        while (sent >= size && !finished) await changed();
        if (failure) return stream.destroy(failure);
        if (sent >= size) return stream.push(null);
        const { bytesRead, buffer } = await file.read(
          Buffer.allocUnsafe(Math.min(READ_SIZE, size - sent)),
          0,
          Math.min(READ_SIZE, size - sent),
          sent,
        );
        sent += bytesRead;
        stream.push(buffer.subarray(0, bytesRead));
      })().catch((error: Error) => stream.destroy(error));
    },
    destroy(error, callback) {
      abandoned = true;
      notify();
      void discard().finally(() => callback(error));
    },
  });

  // Wait for the first chunk: a statement that fails at once is reported before any byte is sent.
  while (size === 0 && !finished) await changed();
  if (failure && size === 0) {
    await discard();
    throw failure;
  }
  return { stream, written };
}
