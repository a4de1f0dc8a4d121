import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OutcomeRequest } from '../rules/outcome';
import type { OutcomeProgress, PotElection } from './outcome-computation';
import type { PotOutcome } from './stored-outcome';

/**
 * The compiled thread script. Under ts sources (the tests) it is the copy `nest build` put in
 * dist/, which `npm test` builds first.
 */
function threadScript(): string {
  const here = join(__dirname, 'outcome-thread.js');
  if (existsSync(here)) return here;
  const root = join(__dirname, '..', '..', '..', '..');
  return join(root, 'dist', relative(root, __dirname), 'outcome-thread.js');
}

/** Computes the outcome on a worker thread, reporting progress as it goes. */
export function computeInThread(
  pots: PotElection[],
  request: OutcomeRequest,
  onProgress: (progress: OutcomeProgress) => void,
): Promise<PotOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadScript(), { workerData: { pots, request } });
    let settled = false;
    worker.on(
      'message',
      (
        message:
          { type: 'progress'; progress: OutcomeProgress } | { type: 'done'; result: PotOutcome[] } | { type: 'failed'; message: string },
      ) => {
        if (message.type === 'progress') return onProgress(message.progress);
        settled = true;
        if (message.type === 'done') resolve(message.result);
        else reject(new Error(message.message));
      },
    );
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the outcome thread exited with code ${code}`));
    });
  });
}
