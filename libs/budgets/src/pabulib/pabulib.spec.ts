import { PabulibFormatError } from './pabulib-format-error';
import { readPabulib } from './read-pabulib';
import { writePabulib } from './write-pabulib';

const sample = [
  'META',
  'key;value',
  'description;"Parks; and ""green"" streets"',
  'num_projects;2',
  'num_votes;3',
  'budget;100',
  'vote_type;cumulative',
  'max_sum_points;5',
  'PROJECTS',
  'project_id;cost;name;selected',
  '1;60;Trees;1',
  '2;50;Benches;0',
  'VOTES',
  'voter_id;vote;points;voting_method',
  'v1;1,2;3,2;internet',
  'v2;2;5;paper',
  'v3;1;5;internet',
].join('\n');

const lineOf = (text: string): number => {
  try {
    readPabulib(text);
  } catch (error) {
    if (error instanceof PabulibFormatError) return error.line;
    throw error;
  }
  throw new Error('no error');
};

describe('Pabulib files', () => {
  it('reads META, PROJECTS and VOTES, quoting included', () => {
    const instance = readPabulib(sample);
    expect(instance.description).toBe('Parks; and "green" streets');
    expect(instance).toMatchObject({ budget: 100, voteType: 'cumulative', maxSumPoints: 5 });
    expect(instance.projects.map((p) => [p.externalId, p.cost, p.selected])).toEqual([
      ['1', 60, true],
      ['2', 50, false],
    ]);
    expect(instance.votes.map((v) => [v.voterId, v.projectIds, v.points, v.votingMethod, v.line])).toEqual([
      ['v1', ['1', '2'], [3, 2], 'internet', 15],
      ['v2', ['2'], [5], 'paper', 16],
      ['v3', ['1'], [5], 'internet', 17],
    ]);
  });

  it('writes what it reads, values with separators and quotes quoted', () => {
    const instance = readPabulib(sample);
    const written = writePabulib({
      meta: Object.entries(instance.meta),
      projects: { columns: ['project_id', 'cost', 'name'], rows: instance.projects.map((p) => [p.externalId, p.cost, p.name]) },
      votes: {
        columns: ['voter_id', 'vote', 'points'],
        rows: instance.votes.map((v) => [v.voterId, v.projectIds.join(','), (v.points ?? []).join(',')]),
      },
    });
    const again = readPabulib(written);
    expect(again.meta).toEqual(instance.meta);
    expect(again.votes.map((v) => [v.projectIds, v.points])).toEqual(instance.votes.map((v) => [v.projectIds, v.points]));
  });

  it.each([
    ['a cost that is not a whole number', sample.replace('1;60;Trees;1', '1;6x;Trees;1'), 11],
    ['a vote for an unknown project', sample.replace('v2;2;5;paper', 'v2;9;5;paper'), 16],
    ['a voter twice', sample.replace('v3;1;5;internet', 'v1;1;5;internet'), 17],
    ['points that do not match the projects', sample.replace('v1;1,2;3,2;internet', 'v1;1,2;3;internet'), 15],
    ['a row with too few values', sample.replace('2;50;Benches;0', '2;50;Benches'), 12],
    ['a count that disagrees with the rows', sample.replace('num_votes;3', 'num_votes;4'), 5],
    ['an unsupported vote type', sample.replace('vote_type;cumulative', 'vote_type;scoring'), 7],
    ['a missing section', sample.slice(0, sample.indexOf('VOTES')), 13],
  ])('names the line of %s', (_what, text, line) => {
    expect(lineOf(text)).toBe(line);
  });
});
