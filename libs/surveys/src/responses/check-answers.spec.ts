import type { QuestionView } from '@polity/contracts';
import { checkQuestion, checkQuestionList, type QuestionInput } from '../questions/question-definition';
import { checkAnswers } from './check-answers';

const options = (...keys: string[]) => keys.map((key) => ({ key, label: key.toUpperCase() }));

function build(inputs: QuestionInput[]): QuestionView[] {
  const questions: QuestionView[] = [];
  for (const input of inputs) {
    const checked = checkQuestion(input, questions);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    questions.push(checked.question);
  }
  return questions;
}

const survey = build([
  {
    key: 'mode',
    type: 'single_choice',
    title: 'How do you travel?',
    required: true,
    options: options('bus', 'bike', 'car'),
    allowOther: true,
  },
  {
    key: 'lines',
    type: 'multiple_choice',
    title: 'Which lines?',
    options: options('l1', 'l2', 'l3'),
    minChoices: 1,
    maxChoices: 2,
    condition: { question: 'mode', operator: 'equals', value: 'bus' },
  },
  { key: 'why', type: 'short_text', title: 'Why?', minLength: 3, maxLength: 20 },
  { key: 'age', type: 'number', title: 'Age', min: 16, max: 120, integer: true },
  { key: 'happy', type: 'scale', title: 'Happy?', scalePoints: 5, required: true },
  { key: 'parks', type: 'ranking', title: 'Rank parks', options: options('north', 'south', 'east'), rankCount: 2 },
  { key: 'grid', type: 'matrix', title: 'Rate', rows: options('clean', 'safe'), options: options('good', 'bad'), required: true },
  { key: 'young', type: 'section', title: 'For young people', condition: { question: 'age', operator: 'in_range', min: 16, max: 25 } },
  { key: 'school', type: 'single_choice', title: 'School?', required: true, options: options('yes', 'no') },
  {
    key: 'which',
    type: 'long_text',
    title: 'Which school?',
    required: true,
    condition: { question: 'school', operator: 'equals', value: 'yes' },
  },
  { key: 'adults', type: 'section', title: 'Everyone again' },
  { key: 'more', type: 'long_text', title: 'Anything else?' },
]);

const valid = { mode: 'car', happy: 4, grid: { clean: 'good', safe: 'bad' } };

function problemsOf(answers: Record<string, unknown>) {
  const checked = checkAnswers(survey, answers);
  return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.rule}`);
}

describe('question definitions', () => {
  it('refuses choice questions with fewer than two options, duplicate keys, or impossible limits', () => {
    const checked = checkQuestion(
      { key: 'q', type: 'multiple_choice', title: 'Q', options: [...options('a'), ...options('a')], minChoices: 3, maxChoices: 2 },
      [],
    );
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'options[1].key:unique',
      'minChoices:min_le_max',
      'minChoices:max',
    ]);
    expect(checkQuestion({ key: 'q', type: 'single_choice', title: 'Q', options: options('a') }, []).ok).toBe(false);
  });

  it('lets conditions look only backwards, with an operator the question supports', () => {
    expect(
      checkQuestion({ key: 'x', type: 'short_text', title: 'X', condition: { question: 'later', operator: 'equals', value: 'a' } }, survey),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'condition.question', rule: 'earlier_question' }],
    });
    expect(
      checkQuestion({ key: 'x', type: 'short_text', title: 'X', condition: { question: 'why', operator: 'in_range', min: 1 } }, survey),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'condition.operator', rule: 'operator_type' }],
    });
    expect(
      checkQuestion(
        { key: 'x', type: 'short_text', title: 'X', condition: { question: 'mode', operator: 'equals', value: 'plane' } },
        survey,
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'condition.value', rule: 'option' }],
    });
  });

  it('finds a condition left pointing forward after a reorder', () => {
    const swapped = [survey[1], survey[0], ...survey.slice(2)];
    expect(checkQuestionList(swapped)).toEqual([
      expect.objectContaining({ field: 'questions[0].condition.question', rule: 'earlier_question' }),
    ]);
    expect(checkQuestionList(survey)).toEqual([]);
  });

  it('caps text lengths by type and keeps only the fields a type uses', () => {
    const [text] = build([{ key: 't', type: 'short_text', title: 'T', maxLength: 10_000, options: options('a', 'b') }]);
    expect(text).toEqual({
      key: 't',
      type: 'short_text',
      title: 'T',
      description: null,
      required: false,
      condition: null,
      minLength: null,
      maxLength: 200,
    });
  });
});

describe('checking answers', () => {
  it('accepts a minimal valid response and stores answers in one canonical shape', () => {
    const checked = checkAnswers(survey, { ...valid, mode: { other: '  tram  ' }, lines: ['l1'] });
    expect(checked).toEqual({
      ok: true,
      answers: { mode: { choices: [], other: 'tram' }, happy: 4, grid: { clean: 'good', safe: 'bad' } },
    });
  });

  it('names the question: required, unknown keys, wrong types', () => {
    expect(problemsOf({})).toEqual(['answers.mode:required', 'answers.happy:required', 'answers.grid:required']);
    expect(problemsOf({ ...valid, nope: 1 })).toEqual(['answers.nope:unknown_question']);
    const checked = checkAnswers(survey, { ...valid, happy: 'four' });
    expect(checked).toMatchObject({
      ok: false,
      problems: [{ field: 'answers.happy', rule: 'type', message: '“Happy?”: must be a number' }],
    });
  });

  it.each([
    ['single choice: unknown option', { mode: 'plane' }, 'answers.mode:option'],
    ['single choice: two at once', { mode: { choice: 'bus', other: 'tram' } }, 'answers.mode:single'],
    ['single choice: empty other', { mode: { other: '   ' } }, 'answers.mode:other'],
    ['multiple choice: over max', { mode: 'bus', lines: ['l1', 'l2', 'l3'] }, 'answers.lines:max_choices'],
    ['multiple choice: twice', { mode: 'bus', lines: ['l1', 'l1'] }, 'answers.lines:unique'],
    ['multiple choice: no other option', { mode: 'bus', lines: { choices: ['l1'], other: 'x' } }, 'answers.lines:other'],
    ['short text: too short', { why: 'ab' }, 'answers.why:min_length'],
    ['short text: too long', { why: 'a'.repeat(21) }, 'answers.why:max_length'],
    ['number: below min', { age: 15 }, 'answers.age:min'],
    ['number: above max', { age: 121 }, 'answers.age:max'],
    ['number: not whole', { age: 30.5 }, 'answers.age:integer'],
    ['number: not finite', { age: 'NaN' }, 'answers.age:type'],
    ['scale: 0', { happy: 0 }, 'answers.happy:min'],
    ['scale: above N', { happy: 6 }, 'answers.happy:max'],
    ['scale: fraction', { happy: 2.5 }, 'answers.happy:integer'],
    ['ranking: not top k', { parks: ['north'] }, 'answers.parks:rank_count'],
    ['ranking: twice', { parks: ['north', 'north'] }, 'answers.parks:unique'],
    ['ranking: unknown', { parks: ['north', 'west'] }, 'answers.parks:option'],
    ['matrix: row missing when required', { grid: { clean: 'good' } }, 'answers.grid:all_rows'],
    ['matrix: unknown column', { grid: { clean: 'good', safe: 'meh' } }, 'answers.grid:option'],
    ['matrix: unknown row', { grid: { clean: 'good', safe: 'bad', fun: 'good' } }, 'answers.grid:row'],
  ])('%s', (_name, answers, problem) => {
    expect(problemsOf({ ...valid, ...answers })).toEqual([problem]);
  });

  it('neither requires nor stores answers to questions a condition hides', () => {
    const checked = checkAnswers(survey, { ...valid, lines: ['l1', 'l2', 'l3'], school: 'maybe', which: 'x' });
    expect(checked.ok).toBe(true);
    expect(checked.ok && Object.keys(checked.answers)).toEqual(['mode', 'happy', 'grid']);
  });

  it('requires a question once its condition holds', () => {
    expect(problemsOf({ ...valid, mode: 'bus' })).toEqual([]);
    expect(problemsOf({ ...valid, mode: 'bus', lines: [] })).toEqual([]);
    expect(problemsOf({ ...valid, age: 20 })).toEqual(['answers.school:required']);
  });

  it('follows nested conditions: a hidden section hides what depends on its questions too', () => {
    // Age 20 opens the section; "school: yes" then makes "which" required.
    expect(problemsOf({ ...valid, age: 20, school: 'yes' })).toEqual(['answers.which:required']);
    // Age 40 hides the section, so "school" is not asked and "which", conditional on it, neither.
    const checked = checkAnswers(survey, { ...valid, age: 40, school: 'yes', which: 'Lycée', more: 'Fine' });
    expect(checked.ok && checked.answers).toEqual({ ...valid, mode: { choices: ['car'] }, age: 40, more: 'Fine' });
  });
});
