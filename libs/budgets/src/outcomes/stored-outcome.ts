import type { ElectionOutcome } from '../rules/outcome';

/** The outcome of one pot: a district's, or the whole budget's when there are no districts. */
export interface PotOutcome extends ElectionOutcome {
  district: string | null;
}

/** What an outcome row stores once computed (project ids are the budget's project ids). */
export interface StoredOutcome {
  pots: PotOutcome[];
  ballots: number;
  paperBallots: number;
}
