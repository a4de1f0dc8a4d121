import { Injectable } from '@nestjs/common';
import type { BudgetView } from '@polity/contracts';
import { type FieldProblem, type Principal, ProblemException, Problems, recordAudit, UnitOfWork } from '@polity/platform';
import { BallotContext } from '../ballots/ballot-context';
import { type BallotRecord, writeBallots } from '../ballots/ballot-writer';
import { BudgetPresenter } from '../budgets/budget-presenter';
import { ballotLimits, settingsProblems } from '../budgets/budget-settings';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import { PabulibFormatError } from '../pabulib/pabulib-format-error';
import { type PabulibInstance, readPabulib } from '../pabulib/read-pabulib';
import { pabulibDate, rulesFromPabulib } from './pabulib-rules';

export interface PabulibImportResult {
  budget: BudgetView;
  projects: number;
  ballots: number;
}

const clip = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Rebuilds a published election from a Pabulib `.pb` file: a closed budget, its projects (their
 * Pabulib ids kept as externalId) and its votes as paper ballots, each checked against the
 * file's own rules. All in one transaction; a bad line refuses the file and says which.
 */
@Injectable()
export class PabulibImportService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: BudgetPresenter,
  ) {}

  async import(principal: Principal, text: unknown): Promise<PabulibImportResult> {
    if (typeof text !== 'string' || text.trim() === '') {
      throw Problems.badRequest('pabulib_empty', 'Send the .pb file as a text/plain body.');
    }
    const instance = this.read(text);
    const rules = rulesFromPabulib(instance);
    const problems = settingsProblems({
      totalAmount: instance.budget,
      ballot: rules,
      districts: [],
      districtVoting: null,
      schedule: { proposingStartsAt: null, reviewingStartsAt: null, votingStartsAt: null, votingEndsAt: null },
    });
    if (problems.length > 0) throw Problems.unprocessable('pabulib_invalid', `META: ${problems[0].message}`, problems);
    return this.unitOfWork.run(async (tx) => {
      const [begin, end] = [pabulibDate(instance.meta.date_begin), pabulibDate(instance.meta.date_end)];
      const budget = await tx.manager.save(
        tx.manager.create(BudgetEntity, {
          title: clip(instance.description.length >= 3 ? instance.description : 'Imported participatory budget', 150),
          description: describe(instance),
          currency: /^[A-Z]{3}$/.test(instance.currency ?? '') ? (instance.currency as string) : 'XXX',
          totalAmount: instance.budget,
          phase: 'closed',
          ballotKind: rules.kind,
          ballotLimits: ballotLimits(rules),
          ballotsRevision: 1,
          votingStartsAt: begin && end && begin < end ? begin : null,
          votingEndsAt: begin && end && begin < end ? end : null,
          pabulibMeta: instance.meta,
          createdById: principal.userId,
        }),
      );
      const projects = await tx.manager.save(
        instance.projects.map((project) =>
          tx.manager.create(BudgetProjectEntity, {
            budgetId: budget.id,
            title: clip(project.name, 150),
            description: project.description ?? '',
            cost: project.cost,
            category: project.category ? clip(project.category, 60) : null,
            feasibility: 'feasible',
            externalId: project.externalId,
          }),
        ),
        { chunk: 500 },
      );
      const idOf = new Map(projects.map((project) => [project.externalId as string, project.id]));
      const context = await BallotContext.load(tx.manager, budget);
      const records: BallotRecord[] = [];
      const invalid: FieldProblem[] = [];
      for (const vote of instance.votes) {
        const ids = vote.projectIds.map((id) => idOf.get(id) as string);
        const submission =
          rules.kind === 'approval'
            ? { projectIds: ids }
            : rules.kind === 'ordinal'
              ? { ranking: ids }
              : { points: Object.fromEntries(ids.map((id, i) => [id, vote.points?.[i] ?? 0])) };
        const checked = context.check(submission);
        if (checked.ok) records.push({ voterId: null, reference: vote.voterId, slot: '', district: null, choices: checked.choices });
        else invalid.push(...checked.problems.map((p) => ({ field: `line ${vote.line}`, rule: p.rule, message: p.message })));
      }
      if (invalid.length > 0) {
        throw Problems.unprocessable('pabulib_invalid', `${invalid[0].field}: ${invalid[0].message}`, invalid.slice(0, 50));
      }
      await writeBallots(tx, budget.id, records, 'reference');
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'budget.imported_from_pabulib',
        target: { kind: 'budgets', id: budget.id },
        after: { projects: projects.length, ballots: records.length },
      });
      tx.publish('budget.created', { budgetId: budget.id });
      return { budget: await this.presenter.presentOne(budget, tx.manager), projects: projects.length, ballots: records.length };
    });
  }

  private read(text: string): PabulibInstance {
    try {
      return readPabulib(text);
    } catch (error) {
      if (!(error instanceof PabulibFormatError)) throw error;
      throw new ProblemException({
        status: 422,
        code: 'pabulib_invalid',
        detail: error.message,
        errors: [{ field: `line ${error.line}`, rule: 'pabulib_format', message: error.reason }],
        extensions: { line: error.line },
      });
    }
  }
}

function describe(instance: PabulibInstance): string {
  const { country, unit, subunit, instance: edition, comment } = instance.meta;
  const place = [country, unit, subunit, edition].filter(Boolean).join(', ');
  return clip(`Imported from Pabulib${place ? ` (${place})` : ''}.${comment ? ` ${comment}` : ''}`, 20_000);
}
