import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '@polity/platform';
import { CreateSurveyDto, ResponsesService, SurveysService } from '@polity/surveys';
import { plainToInstance } from 'class-transformer';

const DAY_MS = 24 * 3600 * 1000;

/** Every question type, sections, and conditions on this page's answers and on an earlier page's. */
const QUESTIONS = [
  { key: 'about', type: 'section', title: 'How you get around' },
  {
    key: 'mode',
    type: 'single_choice',
    title: 'How do you mostly get around town?',
    required: true,
    allowOther: true,
    options: [
      { key: 'walk', label: 'On foot' },
      { key: 'bike', label: 'By bike' },
      { key: 'bus', label: 'By bus or tram' },
      { key: 'car', label: 'By car' },
    ],
  },
  {
    key: 'bike_safety',
    type: 'scale',
    title: 'How safe do you feel cycling in the old town?',
    scalePoints: 5,
    lowLabel: 'not safe at all',
    highLabel: 'completely safe',
    condition: { question: 'mode', operator: 'equals', value: 'bike' },
  },
  { key: 'street', type: 'section', title: 'Your street' },
  {
    key: 'happy',
    type: 'scale',
    title: 'How happy are you with your street?',
    required: true,
    scalePoints: 5,
    lowLabel: 'not at all',
    highLabel: 'very happy',
  },
  {
    key: 'priorities',
    type: 'ranking',
    title: 'What should change first?',
    rankCount: 3,
    options: [
      { key: 'trees', label: 'More trees and shade' },
      { key: 'benches', label: 'Benches' },
      { key: 'crossings', label: 'Safer crossings' },
      { key: 'parking', label: 'Bicycle parking' },
    ],
  },
  {
    key: 'state',
    type: 'matrix',
    title: 'How is your street today?',
    rows: [
      { key: 'noise', label: 'Noise' },
      { key: 'safety', label: 'Safety' },
      { key: 'cleanliness', label: 'Cleanliness' },
    ],
    options: [
      { key: 'good', label: 'Good' },
      { key: 'fair', label: 'Fair' },
      { key: 'poor', label: 'Poor' },
    ],
  },
  {
    key: 'changes',
    type: 'multiple_choice',
    title: 'Which would you welcome? Choose up to two.',
    maxChoices: 2,
    options: [
      { key: 'car_free', label: 'Car-free Sundays' },
      { key: 'play', label: 'Play streets after school' },
      { key: 'market', label: 'A weekly street market' },
    ],
  },
  { key: 'unhappy', type: 'section', title: 'What would make it better', condition: { question: 'happy', operator: 'in_range', max: 2 } },
  { key: 'why', type: 'long_text', title: 'What bothers you most about your street?', maxLength: 2000 },
  { key: 'age', type: 'number', title: 'How old are you?', min: 16, max: 120, integer: true },
  { key: 'comment', type: 'short_text', title: 'Anything else you want to tell us?', maxLength: 200 },
];

/** An open survey with sections and conditions, answered by five people so its live results show. */
export async function seedSurvey(app: INestApplicationContext, official: Principal, respondents: Principal[]): Promise<void> {
  const surveys = app.get(SurveysService);
  const survey = await surveys.create(
    official,
    plainToInstance(CreateSurveyDto, {
      title: 'Our streets in 2030',
      description: 'How should the streets of the old town change? Your answers shape the mobility plan.',
      closesAt: new Date(Date.now() + 14 * DAY_MS).toISOString(),
      resultsVisibility: 'live',
      questions: QUESTIONS,
    }),
  );
  await surveys.publish(official, survey.id);
  const responses = app.get(ResponsesService);
  const answers = [
    { mode: { choice: 'bike' }, bike_safety: 2, happy: 2, priorities: ['crossings', 'trees', 'parking'], why: 'Cars drive too fast.' },
    { mode: { choice: 'walk' }, happy: 4, priorities: ['trees', 'benches', 'crossings'], changes: { choices: ['play', 'market'] } },
    { mode: { choice: 'bus' }, happy: 3, state: { noise: 'poor', safety: 'fair', cleanliness: 'good' } },
    { mode: { choice: 'bike' }, bike_safety: 3, happy: 5, priorities: ['parking', 'trees', 'benches'], age: 34 },
    { mode: { other: 'Scooter' }, happy: 1, why: 'No shade, no benches.', changes: { choices: ['car_free'] } },
  ];
  for (const [index, respondent] of respondents.entries())
    await responses.submit(respondent, survey.id, { answers: answers[index % answers.length] });
}
