import type { QuestionView } from '@polity/contracts';
import { createTestApp, RunningApp } from '@polity/testing';
import { DataSource } from 'typeorm';
import { CsvLayout, type ExportedResponse } from '../../libs/surveys/src/export/csv-layout';
import { checkQuestion, type QuestionInput } from '../../libs/surveys/src/questions/question-definition';
import { checkAnswers } from '../../libs/surveys/src/responses/check-answers';

const options = (...keys: string[]) => keys.map((key) => ({ key, label: key }));
const questions: QuestionView[] = [];
for (const input of [
  { key: 'mode', type: 'single_choice', title: 'Mode', options: options('bus', 'bike'), allowOther: true },
  { key: 'days', type: 'multiple_choice', title: 'Days', options: options('mon', 'tue', 'wed'), allowOther: true },
  { key: 'happy', type: 'scale', title: 'Happy', scalePoints: 5 },
  { key: 'km', type: 'number', title: 'Km', min: -100, max: 100 },
  { key: 'parks', type: 'ranking', title: 'Parks', options: options('a', 'b', 'c') },
  { key: 'grid', type: 'matrix', title: 'Grid', rows: options('clean', 'safe'), options: options('good', 'bad') },
  { key: 'name', type: 'short_text', title: 'Name' },
  { key: 'note', type: 'long_text', title: 'Note' },
] as QuestionInput[]) {
  const checked = checkQuestion(input, questions);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  questions.push(checked.question);
}

/** Texts a spreadsheet would run or a naive writer would break, beside plain ones. */
const given: { district: string | null; answers: Record<string, unknown> }[] = [
  { district: 'north', answers: { mode: 'bus', days: ['mon', 'tue'], happy: 4, km: 2, parks: ['b', 'a', 'c'], grid: { clean: 'good' } } },
  { district: null, answers: { mode: { other: '=HYPERLINK("http://x.example")' }, days: { choices: [], other: '@home, mostly' } } },
  { district: 'Upper "old" town, east', answers: { name: '-5', note: 'He said "hi",\nthen left', km: -3.5 } },
  { district: '+33 1 23 45', answers: { name: '-abc', note: 'bell\u0007 and tab\there', mode: { other: '\tindented' } } },
  { district: 'south', answers: { name: 'Zoë, naïve café ✓', note: '\r\nfirst line' } },
  { district: 'west', answers: {} },
];

describe('survey CSV lines written by PostgreSQL', () => {
  let api: RunningApp;

  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it.each([false, true])('are the lines the TypeScript layout writes (anonymous %s)', async (anonymous) => {
    const layout = new CsvLayout(questions, anonymous);
    const line = layout.lineSql(6);
    const at = new Date('2026-03-04T05:06:07.891Z');
    for (const response of given) {
      const checked = checkAnswers(questions, response.answers);
      if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
      const expected: ExportedResponse = {
        id: 'a4d1c2b3-0000-4000-8000-000000000001',
        district: response.district,
        submittedAt: at,
        updatedAt: at,
        answers: checked.answers,
      };
      const [row] = await api.app
        .get(DataSource)
        .query<{ line: string }[]>(
          `SELECT ${line.sql} AS line FROM (SELECT $1::uuid, $2::text, $3::timestamptz, $4::timestamptz, $5::jsonb) AS r (id, district, submitted_at, updated_at, answers)`,
          [expected.id, expected.district, at, at, JSON.stringify(expected.answers), ...line.parameters],
        );
      expect(row.line).toBe(layout.line(expected));
    }
  });
});
