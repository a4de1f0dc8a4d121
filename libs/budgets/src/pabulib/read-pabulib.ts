import { PabulibFormatError } from './pabulib-format-error';
import { type PabulibRow, splitPabulibSections } from './pabulib-sections';
import { countOf } from '@polity/contracts';

export const PABULIB_VOTE_TYPES = ['approval', 'cumulative', 'ordinal'] as const;
export type PabulibVoteType = (typeof PABULIB_VOTE_TYPES)[number];

export interface PabulibProject {
  externalId: string;
  cost: number;
  name: string;
  description: string | null;
  category: string | null;
  /** Where the file records the real winners: true for `selected;1`. */
  selected: boolean | null;
  line: number;
}

export interface PabulibVote {
  voterId: string;
  /** Project ids as written; best first for ordinal files. */
  projectIds: string[];
  /** Parallel to projectIds in cumulative files. */
  points: number[] | null;
  votingMethod: string | null;
  line: number;
}

/** A `.pb` file read and checked: what Polity needs to rebuild the consultation. */
export interface PabulibInstance {
  meta: Record<string, string>;
  description: string;
  currency: string | null;
  budget: number;
  voteType: PabulibVoteType;
  rule: string | null;
  minLength: number | null;
  maxLength: number | null;
  maxSumCost: number | null;
  maxSumPoints: number | null;
  maxPoints: number | null;
  projects: PabulibProject[];
  votes: PabulibVote[];
}

function wholeNumber(value: string, line: number, what: string, min = 0): number {
  const match = /^(\d{1,15})(\.0*)?$/.exec(value.trim());
  const number = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    throw new PabulibFormatError(line, `${what} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, found "${value}"`);
  }
  return number;
}

function optional(row: PabulibRow, column: string): string | null {
  const value = row.values[column];
  return value === undefined || value === '' ? null : value;
}

/** Parses and checks a Pabulib `.pb` file; a PabulibFormatError names the offending line. */
export function readPabulib(text: string): PabulibInstance {
  const sections = splitPabulibSections(text);
  const meta = Object.fromEntries([...sections.meta].map(([key, { value }]) => [key, value]));
  const metaLine = (key: string): number => sections.meta.get(key)?.line ?? 1;
  const required = (key: string): string => {
    const value = sections.meta.get(key)?.value;
    if (value === undefined || value === '') throw new PabulibFormatError(1, `META has no ${key}`);
    return value;
  };
  const optionalNumber = (key: string, min = 0): number | null =>
    sections.meta.get(key) && meta[key] !== '' ? wholeNumber(meta[key], metaLine(key), key, min) : null;

  const voteType = required('vote_type').toLowerCase();
  if (!(PABULIB_VOTE_TYPES as readonly string[]).includes(voteType)) {
    throw new PabulibFormatError(metaLine('vote_type'), `vote_type ${voteType} is not supported; use approval, cumulative or ordinal`);
  }
  const budget = wholeNumber(required('budget'), metaLine('budget'), 'budget', 1);
  for (const column of ['project_id', 'cost']) {
    if (!sections.projectColumns.includes(column)) throw new PabulibFormatError(1, `PROJECTS has no ${column} column`);
  }
  for (const column of ['voter_id', 'vote']) {
    if (!sections.voteColumns.includes(column)) throw new PabulibFormatError(1, `VOTES has no ${column} column`);
  }
  if (voteType === 'cumulative' && !sections.voteColumns.includes('points')) {
    throw new PabulibFormatError(1, 'a cumulative file needs a points column in VOTES');
  }

  const projects = sections.projects.map((row): PabulibProject => {
    const externalId = row.values.project_id;
    if (!externalId) throw new PabulibFormatError(row.line, 'project_id is empty');
    const selected = optional(row, 'selected');
    return {
      externalId,
      cost: wholeNumber(row.values.cost, row.line, `the cost of project ${externalId}`, 1),
      name: optional(row, 'name') ?? `Project ${externalId}`,
      description: optional(row, 'description'),
      category: optional(row, 'category'),
      selected: selected === null ? null : selected === '1',
      line: row.line,
    };
  });
  const known = new Set<string>();
  for (const project of projects) {
    if (known.has(project.externalId)) throw new PabulibFormatError(project.line, `project ${project.externalId} appears twice`);
    known.add(project.externalId);
  }

  const voters = new Set<string>();
  const votes = sections.votes.map((row): PabulibVote => {
    const voterId = row.values.voter_id;
    if (!voterId) throw new PabulibFormatError(row.line, 'voter_id is empty');
    if (voters.has(voterId)) throw new PabulibFormatError(row.line, `voter ${voterId} appears twice`);
    voters.add(voterId);
    const projectIds = row.values.vote === '' ? [] : row.values.vote.split(',').map((id) => id.trim());
    const seen = new Set<string>();
    for (const id of projectIds) {
      if (!known.has(id)) throw new PabulibFormatError(row.line, `the vote names project ${id}, which is not in PROJECTS`);
      if (seen.has(id)) throw new PabulibFormatError(row.line, `the vote names project ${id} twice`);
      seen.add(id);
    }
    let points: number[] | null = null;
    if (voteType === 'cumulative') {
      const raw = row.values.points === '' ? [] : row.values.points.split(',');
      if (raw.length !== projectIds.length) {
        throw new PabulibFormatError(row.line, `${countOf(projectIds.length, 'project')} but ${countOf(raw.length, 'point')}`);
      }
      points = raw.map((value) => wholeNumber(value, row.line, 'points', 1));
    }
    return { voterId, projectIds, points, votingMethod: optional(row, 'voting_method'), line: row.line };
  });

  const declared = (key: string, actual: number): void => {
    const count = optionalNumber(key);
    if (count !== null && count !== actual) {
      throw new PabulibFormatError(metaLine(key), `${key} is ${count} but the file lists ${actual}`);
    }
  };
  declared('num_projects', projects.length);
  declared('num_votes', votes.length);

  return {
    meta,
    description: meta.description || 'Imported participatory budget',
    currency: meta.currency || null,
    budget,
    voteType: voteType as PabulibVoteType,
    rule: meta.rule || null,
    minLength: optionalNumber('min_length'),
    maxLength: optionalNumber('max_length', 1),
    maxSumCost: optionalNumber('max_sum_cost', 1),
    maxSumPoints: optionalNumber('max_sum_points', 1),
    maxPoints: optionalNumber('max_points', 1),
    projects,
    votes,
  };
}
