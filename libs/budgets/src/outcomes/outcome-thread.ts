import { parentPort, workerData } from 'node:worker_threads';
import type { OutcomeRequest } from '../rules/outcome';
import { computePotOutcomes, type PotElection } from './outcome-computation';

/**
 * Entry point of the thread that computes a large outcome, so the worker's event loop keeps
 * serving other jobs and can push progress while the rule runs. Progress is sent at most every
 * 200 ms.
 */
const { pots, request } = workerData as { pots: PotElection[]; request: OutcomeRequest };
let lastSent = 0;
try {
  const result = computePotOutcomes(pots, request, (progress) => {
    const now = Date.now();
    if (now - lastSent < 200) return;
    lastSent = now;
    parentPort?.postMessage({ type: 'progress', progress });
  });
  parentPort?.postMessage({ type: 'done', result });
} catch (error) {
  parentPort?.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
