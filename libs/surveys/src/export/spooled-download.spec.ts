import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { spoolWhileSending } from './spooled-download';

const folder = mkdtempSync(join(tmpdir(), 'polity-spool-'));
const chunk = (i: number) => Buffer.from(`line ${i}\n`.repeat(1000));

async function* produce(count: number, state: { stopped: boolean }, failAt = -1): AsyncGenerator<Buffer> {
  try {
    for (let i = 0; i < count; i++) {
      if (i === failAt) throw new Error('the database went away');
      yield chunk(i);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    state.stopped = true;
  }
}

const readAll = async (stream: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

describe('spoolWhileSending', () => {
  it('sends every byte in order, and deletes its file once sent', async () => {
    const path = join(folder, 'whole');
    const download = await spoolWhileSending(path, produce(200, { stopped: false }));
    expect((await readAll(download.stream)).equals(Buffer.concat(Array.from({ length: 200 }, (_, i) => chunk(i))))).toBe(true);
    await download.written;
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(path)).toBe(false);
  });

  it('lets the producer finish while the client has taken nothing', async () => {
    const state = { stopped: false };
    const download = await spoolWhileSending(join(folder, 'slow'), produce(200, state));
    await download.written;
    expect(state.stopped).toBe(true);
    expect((await readAll(download.stream)).length).toBe(Array.from({ length: 200 }, (_, i) => chunk(i).length).reduce((a, b) => a + b));
  });

  it('fails before sending when the producer fails at once', async () => {
    await expect(spoolWhileSending(join(folder, 'early'), produce(5, { stopped: false }, 0))).rejects.toThrow('the database went away');
    expect(existsSync(join(folder, 'early'))).toBe(false);
  });

  it('cuts the download off when the producer fails midway', async () => {
    const download = await spoolWhileSending(join(folder, 'midway'), produce(50, { stopped: false }, 20));
    await expect(readAll(download.stream)).rejects.toThrow('the database went away');
  });

  it('stops the producer and deletes the file when the client goes away', async () => {
    const state = { stopped: false };
    const path = join(folder, 'gone');
    const download = await spoolWhileSending(path, produce(100_000, state));
    download.stream.destroy();
    await download.written;
    await finished(download.stream).catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(state.stopped).toBe(true);
    expect(existsSync(path)).toBe(false);
  });
});
