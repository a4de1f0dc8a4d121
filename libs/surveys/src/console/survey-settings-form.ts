import { RESPONSE_MODES, RESULTS_VISIBILITIES, SURVEY_AUDIENCES, type SurveyView } from '@polity/contracts';
import { type FieldError, formText, isoToZoned, type Translator, zonedToIso } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UpdateSurveyDto } from '../surveys/surveys.dto';

/** A survey's settings as the builder's form shows them. */
export function settingsDraftOf(survey: SurveyView, timeZone: string): Record<string, string> {
  return {
    title: survey.title,
    description: survey.description,
    opensAt: isoToZoned(survey.opensAt, timeZone),
    closesAt: isoToZoned(survey.closesAt, timeZone),
    audience: survey.audience,
    district: survey.district ?? '',
    responseMode: survey.responseMode,
    resultsVisibility: survey.resultsVisibility,
    anonymous: survey.anonymous ? 'on' : '',
    showTextAnswers: survey.showTextAnswers ? 'on' : '',
  };
}

const pick = <T extends string>(value: string, allowed: readonly T[]): T | undefined =>
  (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export async function readSettingsForm(
  t: Translator,
  form: Record<string, unknown>,
  timeZone: string,
): Promise<{ input: UpdateSurveyDto; draft: Record<string, string>; errors: FieldError[] }> {
  const draft = Object.fromEntries(
    ['title', 'description', 'opensAt', 'closesAt', 'audience', 'district', 'responseMode', 'resultsVisibility'].map((field) => [
      field,
      formText(form[field], field === 'description' ? 10_000 : 300),
    ]),
  );
  draft.anonymous = form.anonymous === 'on' ? 'on' : '';
  draft.showTextAnswers = form.showTextAnswers === 'on' ? 'on' : '';
  const errors: FieldError[] = [];
  const when = (field: 'opensAt' | 'closesAt') => {
    if (!draft[field]) return undefined;
    const iso = zonedToIso(draft[field], timeZone);
    if (!iso) errors.push({ field, message: t.t('sc.invalid') });
    return iso ?? undefined;
  };
  const input = plainToInstance(UpdateSurveyDto, {
    title: draft.title,
    description: draft.description,
    opensAt: when('opensAt'),
    closesAt: when('closesAt'),
    audience: pick(draft.audience, SURVEY_AUDIENCES),
    district: draft.district.trim() || null,
    responseMode: pick(draft.responseMode, RESPONSE_MODES),
    resultsVisibility: pick(draft.resultsVisibility, RESULTS_VISIBILITIES),
    anonymous: draft.anonymous === 'on',
    showTextAnswers: draft.showTextAnswers === 'on',
  });
  for (const problem of await validate(input))
    if (!errors.some((error) => error.field === problem.property)) errors.push({ field: problem.property, message: t.t('sc.invalid') });
  return { input, draft, errors };
}
