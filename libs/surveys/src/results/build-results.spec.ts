import type { QuestionView } from '@polity/contracts';
import { CsvLayout } from '../export/csv-layout';
import { checkQuestion, type QuestionInput } from '../questions/question-definition';
import { checkAnswers, type StoredAnswers } from '../responses/check-answers';
import { answerAtoms } from './answer-atoms';
import { buildResults, summarise } from './build-results';

const options = (...keys: string[]) => keys.map((key) => ({ key, label: key }));
const questions: QuestionView[] = [];
for (const input of [
  { key: 'mode', type: 'single_choice', title: 'Mode', options: options('bus', 'bike'), allowOther: true },
  { key: 'days', type: 'multiple_choice', title: 'Days', options: options('mon', 'tue', 'wed') },
  { key: 'happy', type: 'scale', title: 'Happy', scalePoints: 4 },
  { key: 'km', type: 'number', title: 'Km' },
  { key: 'parks', type: 'ranking', title: 'Parks', options: options('a', 'b', 'c') },
  { key: 'grid', type: 'matrix', title: 'Grid', rows: options('clean', 'safe'), options: options('good', 'bad') },
  { key: 'note', type: 'long_text', title: 'Note' },
] as QuestionInput[]) {
  const checked = checkQuestion(input, questions);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  questions.push(checked.question);
}

/** Five respondents, small enough to count by hand. */
const given: Record<string, unknown>[] = [
  { mode: 'bus', days: ['mon', 'tue'], happy: 4, km: 2, parks: ['a', 'b', 'c'], grid: { clean: 'good', safe: 'good' } },
  { mode: 'bus', days: ['mon'], happy: 3, km: 4, parks: ['b', 'a', 'c'], grid: { clean: 'bad' } },
  { mode: 'bike', days: ['wed'], happy: 4, km: 10, parks: ['a', 'c', 'b'], note: 'More trees, please' },
  { mode: { other: 'walk' }, happy: 1, parks: ['c', 'a', 'b'] },
  { mode: 'bus', days: ['mon', 'tue', 'wed'], km: 4 },
];
const stored: StoredAnswers[] = given.map((answers) => {
  const checked = checkAnswers(questions, answers);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.answers;
});

function countAtoms(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const answers of stored) for (const atom of answerAtoms(questions, answers)) counts.set(atom, (counts.get(atom) ?? 0) + 1);
  return counts;
}

describe('results from atom counts', () => {
  const results = Object.fromEntries(
    buildResults(questions, countAtoms(), new Map([['note', ['More trees, please']]])).map((r) => [r.key, r]),
  );

  it('counts options with shares of those who answered, and "other" apart', () => {
    expect(results.mode).toMatchObject({ answered: 5, other: 1 });
    expect(results.mode.options).toEqual([
      { key: 'bus', label: 'bus', count: 3, share: 0.6 },
      { key: 'bike', label: 'bike', count: 1, share: 0.2 },
    ]);
    expect(results.days.options?.map((o) => [o.key, o.count])).toEqual([
      ['mon', 3],
      ['tue', 2],
      ['wed', 2],
    ]);
    expect(results.days.answered).toBe(4);
  });

  it('gives a scale every point of its distribution, with mean and median', () => {
    // 4, 3, 4, 1: mean 3, median of (1, 3, 4, 4) is 3.5.
    expect(results.happy).toMatchObject({ answered: 4, mean: 3, median: 3.5 });
    expect(results.happy.distribution).toEqual([
      { value: 1, count: 1 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 2 },
    ]);
    // 2, 4, 10, 4: mean 5, median 4.
    expect(results.km).toMatchObject({ answered: 4, mean: 5, median: 4 });
  });

  it('scores rankings by Borda (2, 1, 0 for three options) and first choices', () => {
    // a: 2+1+2+1 = 6; b: 1+2+0+0 = 3; c: 0+0+1+2 = 3 (c has one first choice, b one).
    expect(results.parks.ranking).toEqual([
      { key: 'a', label: 'a', borda: 6, firstChoices: 2 },
      { key: 'b', label: 'b', borda: 3, firstChoices: 1 },
      { key: 'c', label: 'c', borda: 3, firstChoices: 1 },
    ]);
  });

  it('tables a matrix per row, with shares of those who answered the row', () => {
    expect(results.grid.rows).toEqual([
      {
        key: 'clean',
        label: 'clean',
        answered: 2,
        columns: [
          { key: 'good', label: 'good', count: 1, share: 0.5 },
          { key: 'bad', label: 'bad', count: 1, share: 0.5 },
        ],
      },
      {
        key: 'safe',
        label: 'safe',
        answered: 1,
        columns: [
          { key: 'good', label: 'good', count: 1, share: 1 },
          { key: 'bad', label: 'bad', count: 0, share: 0 },
        ],
      },
    ]);
  });

  it('attaches shown texts to their question only', () => {
    expect(results.note).toEqual({ key: 'note', type: 'long_text', title: 'Note', answered: 1, texts: ['More trees, please'] });
  });

  it('summarises nothing as nothing', () => {
    expect(summarise([])).toEqual({ mean: null, median: null });
  });
});

describe('CSV layout', () => {
  const layout = new CsvLayout(questions);

  it('has one column per question part', () => {
    expect(layout.headers).toEqual([
      'response_id',
      'submitted_at',
      'updated_at',
      'district',
      'mode',
      'mode_other',
      'days_mon',
      'days_tue',
      'days_wed',
      'happy',
      'km',
      'parks_a',
      'parks_b',
      'parks_c',
      'grid_clean',
      'grid_safe',
      'note',
    ]);
  });
});
