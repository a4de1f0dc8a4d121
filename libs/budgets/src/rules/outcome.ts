import type { OutcomeRule } from '@polity/contracts';
import { type Election, tallySupport, totalCost } from './election';
import { type EqualSharesOptions, type EqualSharesProgress, equalSharesRule } from './equal-shares/equal-shares.rule';
import { formatFraction } from './exact-decimal';
import { type GreedyOptions, greedyRule } from './greedy.rule';

export type OutcomeRequest = { rule: 'greedy'; options: GreedyOptions } | { rule: 'equal-shares'; options: EqualSharesOptions };

export interface OutcomeProject {
  projectId: string;
  cost: number;
  votes: number;
  points: number;
}

export interface OutcomeWinner extends OutcomeProject {
  /** Chosen by the rule itself, or added by Equal Shares' greedy completion. */
  selectedBy: 'rule' | 'completion';
}

export interface EqualSharesRoundReport {
  round: number;
  projectId: string;
  cost: number;
  supporters: number;
  /** The most one supporter paid, per unit of weight (per approval), in currency. */
  maxPayment: string;
  /** maxPayment / cost: the price of a unit of benefit; the lowest one won the round. */
  effectivePrice: string;
  payingFull: number;
  payingAllTheyHad: number;
  /** Money all voters still held after this round. */
  moneyLeft: string;
}

export interface EqualSharesReport {
  /** Each voter's share at the start of add1 (floor(B/n)) and in the run that gave the outcome. */
  initialShare: string;
  share: string;
  runs: number;
  rounds: EqualSharesRoundReport[];
}

export interface ElectionOutcome {
  budget: number;
  voters: number;
  winners: OutcomeWinner[];
  totalCost: number;
  leftover: number;
  /** Projects someone voted for that were not funded. */
  notFunded: OutcomeProject[];
  equalShares: EqualSharesReport | null;
}

const money = (numerator: bigint, denominator: bigint): string => formatFraction(numerator, denominator, 2);

/** Runs a rule on one election (one pot) and explains the result in ids, amounts and rounds. */
export function computeOutcome(election: Election, request: OutcomeRequest, onProgress?: EqualSharesProgress): ElectionOutcome {
  const support = tallySupport(election);
  let winners: number[];
  let fromRule: number;
  let equalShares: EqualSharesReport | null = null;
  if (request.rule === 'greedy') {
    winners = greedyRule(election, request.options, [], support).winners;
    fromRule = winners.length;
  } else {
    const result = equalSharesRule(election, request.options, onProgress);
    winners = result.winners;
    fromRule = winners.length - result.completedByGreedy.length;
    equalShares = {
      initialShare: money(result.initialShare.numerator, result.initialShare.denominator),
      share: money(result.share.numerator, result.share.denominator),
      runs: result.runs,
      rounds: result.rounds.map((round, index) => ({
        round: index + 1,
        projectId: election.projects[round.project].id,
        cost: election.projects[round.project].cost,
        supporters: support.votes[round.project],
        maxPayment: money(round.maxPayment.numerator, round.maxPayment.denominator),
        effectivePrice: formatFraction(round.effectivePrice.numerator, round.effectivePrice.denominator, 10),
        payingFull: round.payingFull,
        payingAllTheyHad: round.payingAllTheyHad,
        moneyLeft: money(round.moneyLeft.numerator, round.moneyLeft.denominator),
      })),
    };
  }
  const spent = totalCost(election, winners);
  const chosen = new Set(winners);
  const describe = (index: number): OutcomeProject => ({
    projectId: election.projects[index].id,
    cost: election.projects[index].cost,
    votes: support.votes[index],
    points: support.score[index],
  });
  return {
    budget: election.budget,
    voters: election.ballots.length,
    winners: winners.map((index, position) => ({ ...describe(index), selectedBy: position < fromRule ? 'rule' : 'completion' })),
    totalCost: spent,
    leftover: election.budget - spent,
    notFunded: election.projects
      .map((_, index) => index)
      .filter((index) => !chosen.has(index) && support.votes[index] > 0)
      .map(describe),
    equalShares,
  };
}

export type { OutcomeRule };
