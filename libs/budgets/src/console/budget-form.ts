import { BALLOT_KINDS, type BudgetView } from '@polity/contracts';
import { type FieldError, formText, isoToZoned, type Translator, zonedToIso } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { CreateBudgetDto } from '../budgets/budgets.dto';

/** The settings form's fields as typed (or as the budget has them), to show again. */
export type BudgetDraft = Record<string, string>;

export const LIMIT_FIELDS = [
  'minProjects',
  'maxProjects',
  'maxCost',
  'maxPoints',
  'maxPointsPerProject',
  'minLength',
  'maxLength',
] as const;
export const SCHEDULE_FIELDS = ['proposingStartsAt', 'reviewingStartsAt', 'votingStartsAt', 'votingEndsAt'] as const;
const TEXT_FIELDS = [
  'title',
  'description',
  'currency',
  'totalAmount',
  'kind',
  'districts',
  'districtVoting',
  'requireVerified',
  'liveResults',
  'knapsack',
];

/** A budget's settings as the form shows them. */
export function draftOf(budget: BudgetView, timeZone: string): BudgetDraft {
  const { ballot, schedule } = budget;
  return {
    title: budget.title,
    description: budget.description,
    currency: budget.currency,
    totalAmount: String(budget.totalAmount),
    kind: ballot.kind,
    ...Object.fromEntries(LIMIT_FIELDS.map((field) => [field, typeof ballot[field] === 'number' ? String(ballot[field]) : ''])),
    knapsack: ballot.maxCost === 'budget' ? 'on' : '',
    districts: budget.districts.map((district) => `${district.code} ${district.amount}`).join('\n'),
    districtVoting: budget.districtVoting ?? 'one',
    requireVerified: budget.requireVerified ? 'on' : '',
    liveResults: budget.liveResults ? 'on' : '',
    ...Object.fromEntries(SCHEDULE_FIELDS.map((field) => [field, schedule[field] ? isoToZoned(schedule[field], timeZone) : ''])),
  };
}

export const emptyBudgetDraft = (): BudgetDraft => ({ currency: 'EUR', kind: 'approval', districtVoting: 'one' });

const whole = (value: string): number | undefined => (/^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined);

/** Reads and checks the settings form as the api's DTO does; field errors are keyed by the form's field ids. */
export async function readBudgetForm(
  t: Translator,
  form: Record<string, unknown>,
  timeZone: string,
): Promise<{ input: CreateBudgetDto; draft: BudgetDraft; errors: FieldError[] }> {
  const draft: BudgetDraft = Object.fromEntries(
    [...TEXT_FIELDS, ...LIMIT_FIELDS, ...SCHEDULE_FIELDS].map((field) => [
      field,
      formText(form[field], field === 'description' ? 20_000 : 5000),
    ]),
  );
  const errors: FieldError[] = [];
  const kind = (BALLOT_KINDS as readonly string[]).includes(draft.kind) ? draft.kind : 'approval';
  const limits: Record<string, number | 'budget'> = {};
  for (const field of LIMIT_FIELDS) {
    if (!draft[field].trim()) continue;
    const value = whole(draft[field]);
    if (value === undefined) errors.push({ field, message: t.t('bc.invalid') });
    else limits[field] = value;
  }
  if (kind === 'approval' && draft.knapsack === 'on') limits.maxCost = 'budget';
  const districts: { code: string; amount: number }[] = [];
  for (const [index, line] of draft.districts.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const [, code, amount] = /^\s*(\S{1,40})\s+(\d{1,15})\s*$/.exec(line) ?? [];
    if (!code) {
      errors.push({ field: 'districts', message: t.t('bc.invalid.districts', { line: index + 1 }) });
      break;
    }
    districts.push({ code, amount: Number(amount) });
  }
  const schedule: Record<string, string | null> = {};
  for (const field of SCHEDULE_FIELDS) {
    if (!draft[field]) schedule[field] = null;
    else {
      const iso = zonedToIso(draft[field], timeZone);
      if (iso) schedule[field] = iso;
      else errors.push({ field, message: t.t('bc.invalid.date') });
    }
  }
  const input = plainToInstance(CreateBudgetDto, {
    title: draft.title,
    description: draft.description,
    currency: draft.currency.trim().toUpperCase(),
    totalAmount: whole(draft.totalAmount) ?? -1,
    ballot: { kind, ...limits },
    districts,
    ...(districts.length > 0 && { districtVoting: draft.districtVoting === 'all' ? 'all' : 'one' }),
    requireVerified: draft.requireVerified === 'on',
    liveResults: draft.liveResults === 'on',
    schedule,
  });
  const flat = (problems: ValidationError[], prefix = ''): string[] =>
    problems.flatMap((problem) =>
      problem.children?.length ? flat(problem.children, `${prefix}${problem.property}.`) : [`${prefix}${problem.property}`],
    );
  for (const path of flat(await validate(input))) {
    const field = path.startsWith('ballot.') ? path.slice(7) : path.startsWith('schedule.') ? path.slice(9) : path.split('.')[0];
    const id = field === 'kind' ? 'kind' : field;
    if (!errors.some((error) => error.field === id)) errors.push({ field: id, message: t.t('bc.invalid') });
  }
  return { input, draft, errors };
}
