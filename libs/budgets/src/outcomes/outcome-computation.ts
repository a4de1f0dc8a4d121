import type { Election } from '../rules/election';
import { computeOutcome, type OutcomeRequest } from '../rules/outcome';
import type { PotOutcome } from './stored-outcome';

/** One pot's election, as loaded from the ballots. */
export interface PotElection {
  district: string | null;
  election: Election;
}

export interface OutcomeProgress {
  pot: number;
  pots: number;
  runs: number;
  share: number | null;
}

/** Runs the rule on every pot in turn. Pure: the same input gives the same outcome anywhere. */
export function computePotOutcomes(
  pots: PotElection[],
  request: OutcomeRequest,
  onProgress?: (progress: OutcomeProgress) => void,
): PotOutcome[] {
  return pots.map(({ district, election }, pot) => {
    onProgress?.({ pot, pots: pots.length, runs: 0, share: null });
    const outcome = computeOutcome(election, request, ({ runs, share }) => onProgress?.({ pot, pots: pots.length, runs, share }));
    return { district, ...outcome };
  });
}
