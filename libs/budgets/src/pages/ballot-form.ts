import type { BallotRulesView, BudgetProjectView, BudgetView } from '@polity/contracts';
import type { FieldProblem } from '@polity/platform';
import { type FieldError, formText, type Translator } from '@polity/web';
import type { BallotChoicesDto, BallotDto } from '../ballots/ballots.dto';

/** A ballot as the form holds it, to show again: the ticked projects, the points and ranks as typed. */
export interface BallotDraft {
  district: string | null;
  chosen: string[];
  points: Record<string, string>;
  ranks: Record<string, string>;
}

export const emptyDraft = (district: string | null): BallotDraft => ({ district, chosen: [], points: {}, ranks: {} });

/** The ballot a resident already cast, as the form shows it to be changed. */
export function draftOf(ballot: BallotDto): BallotDraft {
  return {
    district: ballot.district,
    chosen: ballot.projectIds,
    points: Object.fromEntries(Object.entries(ballot.points ?? {}).map(([id, points]) => [id, String(points)])),
    ranks: Object.fromEntries((ballot.ranking ?? []).map((id, index) => [id, String(index + 1)])),
  };
}

/** Where a problem is shown: beside a project (by id), or over the whole ballot. */
export interface BallotErrors {
  byProject: Record<string, string>;
  general: string[];
}

export const noErrors = (): BallotErrors => ({ byProject: {}, general: [] });
export const hasErrors = (errors: BallotErrors): boolean => errors.general.length > 0 || Object.keys(errors.byProject).length > 0;

/** The summary's entries: each project's problem links to its control; the ballot's own to the first control. */
export function summaryOf(errors: BallotErrors, kind: BallotRulesView['kind'], firstProject: string | undefined): FieldError[] {
  const control = (id: string) => (kind === 'approval' ? `project-${id}` : kind === 'cumulative' ? `points-${id}` : `rank-${id}`);
  return [
    ...errors.general.map((message) => ({ field: firstProject ? control(firstProject) : 'ballot', message })),
    ...Object.entries(errors.byProject).map(([id, message]) => ({ field: control(id), message })),
  ];
}

/**
 * Reads the ballot form: the draft to show again, the choices to send, and what is wrong before the
 * rules are even asked (points that are not whole numbers, two projects with one rank).
 */
export function readBallotForm(
  form: Record<string, unknown>,
  budget: BudgetView,
  projects: readonly BudgetProjectView[],
  t: Translator,
): { draft: BallotDraft; choices: BallotChoicesDto; errors: BallotErrors } {
  const district = formText(form.district, 40) || null;
  const ticked = new Set(
    (Array.isArray(form.project) ? form.project : [form.project]).filter((id): id is string => typeof id === 'string'),
  );
  const draft: BallotDraft = { district, chosen: [], points: {}, ranks: {} };
  const errors = noErrors();
  const choices: BallotChoicesDto = district ? { district } : {};
  switch (budget.ballot.kind) {
    case 'approval':
      draft.chosen = projects.filter((project) => ticked.has(project.id)).map((project) => project.id);
      choices.projectIds = draft.chosen;
      break;
    case 'cumulative': {
      choices.points = {};
      for (const project of projects) {
        const typed = formText(form[`points-${project.id}`], 12).trim();
        if (typed === '') continue;
        draft.points[project.id] = typed;
        const points = Number(typed);
        if (!Number.isSafeInteger(points) || points < 0) errors.byProject[project.id] = t.t('budgets.error.points_positive_integer');
        else if (points > 0) choices.points[project.id] = points;
      }
      break;
    }
    case 'ordinal': {
      const ranked: [string, number][] = [];
      for (const project of projects) {
        const rank = Number(formText(form[`rank-${project.id}`], 6));
        if (!Number.isSafeInteger(rank) || rank < 1) continue;
        draft.ranks[project.id] = String(rank);
        ranked.push([project.id, rank]);
      }
      for (const [id, rank] of ranked) {
        if (ranked.some(([other, otherRank]) => other !== id && otherRank === rank)) {
          errors.byProject[id] = t.t('budgets.error.duplicate_rank', { rank });
        }
      }
      choices.ranking = ranked.sort((a, b) => a[1] - b[1]).map(([id]) => id);
      break;
    }
  }
  return { draft, choices, errors };
}

/**
 * The api's refusal of a ballot in the reader's words: a project's problem beside it (the api names
 * it by its place in the list, or by its id for points), the others over the ballot.
 */
export function ballotErrorsOf(
  problems: readonly FieldProblem[],
  choices: BallotChoicesDto,
  budget: BudgetView,
  projects: readonly BudgetProjectView[],
  potAmount: number,
  t: Translator,
): BallotErrors {
  const errors = noErrors();
  const rules = budget.ballot;
  const costs = new Map(projects.map((project) => [project.id, project.cost]));
  const chosen = choices.projectIds ?? choices.ranking ?? Object.keys(choices.points ?? {});
  const given = Object.values(choices.points ?? {}).reduce((sum, points) => sum + points, 0);
  const total = chosen.reduce((sum, id) => sum + (costs.get(id) ?? 0), 0);
  const limit = rules.maxCost === 'budget' ? potAmount : (rules.maxCost ?? 0);
  const message = (rule: string): string => {
    switch (rule) {
      case 'min_projects':
        return t.t('budgets.error.min_projects', { count: Math.max(rules.minProjects ?? 1, 1) });
      case 'max_projects':
        return t.t('budgets.error.max_projects', { count: rules.maxProjects ?? 0 });
      case 'min_length':
        return t.t('budgets.error.min_length', { count: Math.max(rules.minLength ?? 1, 1) });
      case 'max_length':
        return t.t('budgets.error.max_length', { count: rules.maxLength ?? 0 });
      case 'max_cost':
        return t.t('budgets.error.max_cost', { total: t.amount(total, budget.currency), limit: t.amount(limit, budget.currency) });
      case 'max_points':
        return t.t('budgets.error.max_points', { given, count: rules.maxPoints ?? 0 });
      case 'max_points_per_project':
        return t.t('budgets.error.max_points_per_project', { count: rules.maxPointsPerProject ?? 0 });
      case 'unknown_project':
      case 'duplicate_project':
      case 'points_positive_integer':
      case 'budget_district':
        return t.t(`budgets.error.${rule}`);
      case 'resident_district':
        return t.t('budgets.error.budget_district');
      default:
        return t.t('budgets.error.ballot');
    }
  };
  for (const problem of problems) {
    const indexed = /^(?:projectIds|ranking)\[(\d+)\]$/.exec(problem.field);
    const pointed = /^points\.(.+)$/.exec(problem.field);
    const project = indexed ? chosen[Number(indexed[1])] : pointed?.[1];
    if (project && costs.has(project)) errors.byProject[project] ??= message(problem.rule);
    else errors.general.push(message(problem.rule));
  }
  return errors;
}
