import { RunLatest } from './run-latest';

describe('RunLatest', () => {
  it('runs a burst for one key as one run and one more after it, the last seeing the last change', async () => {
    const latest = new RunLatest();
    let value = 0;
    const seen: number[] = [];
    const recount = async () => {
      const read = value;
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(read);
    };
    const burst: Promise<void>[] = [];
    for (let i = 1; i <= 10; i++) {
      value = i;
      burst.push(latest.run('p1', recount));
    }
    await Promise.all(burst);
    expect(seen).toEqual([1, 10]);
  });

  it('keeps keys apart and starts afresh once a key is done', async () => {
    const latest = new RunLatest();
    const runs: string[] = [];
    const note = (key: string) => () => {
      runs.push(key);
      return Promise.resolve();
    };
    await Promise.all([latest.run('a', note('a')), latest.run('b', note('b'))]);
    await latest.run('a', note('a'));
    expect(runs.sort()).toEqual(['a', 'a', 'b']);
  });
});
