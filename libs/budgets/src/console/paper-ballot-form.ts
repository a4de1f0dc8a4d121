import type { BallotKind, BudgetProjectView } from '@polity/contracts';
import { formText, type Translator } from '@polity/web';
import type { BallotChoicesDto, PaperBallotDto } from '../ballots/ballots.dto';

/** Letters, digits and ._:/#- as the api takes them. */
export const REFERENCE = /^[A-Za-z0-9._:/#-]{1,80}$/;

/** What the entry form holds per project number (1, 2, …): ticked, points, or rank. */
export type PaperDraft = { reference: string; district: string; marks: Record<number, string> };

/** The projects a paper ballot may name, numbered as on the entry screen and in the CSV. */
export const ballotProjects = (projects: BudgetProjectView[]): BudgetProjectView[] =>
  projects.filter((project) => project.feasibility === 'feasible' && project.moderationState === 'visible');

export function readPaperForm(form: Record<string, unknown>, count: number): PaperDraft {
  const marks: Record<number, string> = {};
  for (let number = 1; number <= count; number++) {
    const value = formText(form[`p${number}`], 10).trim();
    if (value) marks[number] = value;
  }
  return { reference: formText(form.reference, 100).trim(), district: formText(form.district, 40), marks };
}

/** The choices the marks make for this kind of ballot, or the number of the project whose mark is not a whole number. */
export function choicesOf(kind: BallotKind, projects: BudgetProjectView[], draft: PaperDraft): BallotChoicesDto | { badNumber: number } {
  const idOf = (number: number) => projects[number - 1].id;
  const entries = Object.entries(draft.marks).map(([number, value]) => [Number(number), value] as const);
  const district = draft.district ? { district: draft.district } : {};
  if (kind === 'approval') return { projectIds: entries.map(([number]) => idOf(number)), ...district };
  const bad = entries.find(([, value]) => !/^\d{1,6}$/.test(value));
  if (bad) return { badNumber: bad[0] };
  if (kind === 'cumulative')
    return { points: Object.fromEntries(entries.map(([number, value]) => [idOf(number), Number(value)])), ...district };
  const ranked = entries.map(([number, value]) => ({ id: idOf(number), rank: Number(value) })).sort((a, b) => a.rank - b.rank);
  return { ranking: ranked.map((entry) => entry.id), ...district };
}

/** One CSV line's problem, by its line number. */
export interface LineProblem {
  line: number;
  problem: string;
}

/**
 * A CSV of paper ballots: reference, district, then the project numbers (`3 5 7`; `3:4 5:2` with points),
 * separated by commas, semicolons or tabs; a header line (starting with "reference") is skipped.
 */
export function readPaperCsv(
  t: Translator,
  text: string,
  kind: BallotKind,
  projects: BudgetProjectView[],
): { ballots: PaperBallotDto[]; lines: number[]; problems: LineProblem[] } {
  const ballots: PaperBallotDto[] = [];
  const lines: number[] = [];
  const problems: LineProblem[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    if (!raw.trim() || (index === 0 && /^\s*"?reference/i.test(raw))) continue;
    const [reference = '', district = '', choices = ''] = raw.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, ''));
    if (!REFERENCE.test(reference)) {
      problems.push({ line, problem: t.t('bc.paper.import.badReference') });
      continue;
    }
    const marks: Record<number, string> = {};
    let broken = false;
    for (const [position, token] of choices.split(/\s+/).filter(Boolean).entries()) {
      const [number, points] = kind === 'cumulative' ? token.split(':') : [token, String(position + 1)];
      const projectNumber = Number(number);
      if (kind === 'cumulative' && points === undefined) {
        problems.push({ line, problem: t.t('bc.paper.import.badPoints') });
        broken = true;
        break;
      }
      if (!Number.isInteger(projectNumber) || projectNumber < 1 || projectNumber > projects.length) {
        problems.push({ line, problem: t.t('bc.paper.import.unknownProject', { number }) });
        broken = true;
        break;
      }
      marks[projectNumber] = kind === 'approval' ? 'on' : points;
    }
    if (broken) continue;
    const choice = choicesOf(kind, projects, { reference, district, marks });
    if ('badNumber' in choice) problems.push({ line, problem: t.t('bc.paper.import.badPoints') });
    else {
      ballots.push({ ...choice, reference });
      lines.push(line);
    }
  }
  if (ballots.length === 0 && problems.length === 0) problems.push({ line: 1, problem: t.t('bc.paper.import.empty') });
  return { ballots, lines, problems };
}
