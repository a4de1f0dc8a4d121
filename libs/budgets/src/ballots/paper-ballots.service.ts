import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, type FieldProblem, type Page, Problems, recordAudit, toPage, type Transaction, UnitOfWork } from '@polity/platform';
import { BudgetLock } from '../budgets/budget-lock';
import { effectivePhase } from '../budgets/budget-phases';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetBallotEntity } from '../entities/budget-ballot.entity';
import { BallotContext } from './ballot-context';
import { presentBallots } from './ballot-views';
import { type BallotRecord, deleteBallots, writeBallots } from './ballot-writer';
import type { BallotChoicesDto, BallotDto, ListPaperBallotsQueryDto, PaperBallotDto } from './ballots.dto';

/**
 * Ballots counted offline, entered by officials while voting runs and after it closes, until the
 * outcome is published. Each carries a reference to its paper, never a person; entering the
 * same reference again replaces it, so a repeated import changes nothing.
 */
@Injectable()
export class PaperBallotsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  async put(actorId: string, budgetId: string, reference: string, input: BallotChoicesDto): Promise<BallotDto> {
    return this.unitOfWork.run(async (tx) => {
      const budget = await this.countingBudget(tx, budgetId);
      await this.store(tx, budget, [{ ...input, reference }], '');
      await recordAudit(tx, {
        actorId,
        action: 'budget.paper_ballot_entered',
        target: { kind: 'budgets', id: budgetId },
        after: { reference, ...input },
      });
      const ballot = await tx.manager.findOneByOrFail(BudgetBallotEntity, { budgetId, reference });
      const [view] = await presentBallots(tx.manager, budget.ballotKind, [ballot]);
      return view;
    });
  }

  /** All or nothing: one bad ballot refuses the whole batch, naming it by position. */
  async import(actorId: string, budgetId: string, ballots: PaperBallotDto[]): Promise<{ imported: number }> {
    const references = new Set<string>();
    ballots.forEach((ballot, index) => {
      if (references.has(ballot.reference)) {
        throw Problems.unprocessable('duplicate_reference', `Reference ${ballot.reference} appears twice.`, [
          { field: `ballots[${index}].reference`, rule: 'unique_reference', message: 'appears twice' },
        ]);
      }
      references.add(ballot.reference);
    });
    return this.unitOfWork.run(async (tx) => {
      const budget = await this.countingBudget(tx, budgetId);
      await this.store(tx, budget, ballots, 'ballots');
      await recordAudit(tx, {
        actorId,
        action: 'budget.paper_ballots_imported',
        target: { kind: 'budgets', id: budgetId },
        after: { count: ballots.length, references: ballots.map((b) => b.reference) },
      });
      return { imported: ballots.length };
    });
  }

  async remove(actorId: string, budgetId: string, reference: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      await this.countingBudget(tx, budgetId);
      const ballot = await tx.manager.findOneBy(BudgetBallotEntity, { budgetId, reference });
      if (!ballot) throw Problems.notFound('That paper ballot');
      await deleteBallots(tx, budgetId, [ballot.id]);
      await this.bumpRevision(tx, budgetId);
      await recordAudit(tx, {
        actorId,
        action: 'budget.paper_ballot_removed',
        target: { kind: 'budgets', id: budgetId },
        before: { reference },
      });
    });
  }

  /** How many paper ballots a budget has, for the entry screen's running count. */
  count(budgetId: string): Promise<number> {
    return this.dataSource.manager.countBy(BudgetBallotEntity, { budgetId, paper: true });
  }

  async list(budgetId: string, query: ListPaperBallotsQueryDto): Promise<Page<BallotDto>> {
    return this.unitOfWork.run(async (tx) => {
      const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
      if (!budget) throw Problems.notFound('That budget');
      const builder = tx.manager
        .createQueryBuilder(BudgetBallotEntity, 'b')
        .where('b.budget_id = :budgetId AND b.paper', { budgetId })
        .orderBy('b.reference', 'ASC')
        .limit(query.limit + 1);
      const cursor = decodeCursor(query.cursor, ['text']);
      if (cursor) builder.andWhere('b.reference > :after', { after: cursor[0] });
      const page = toPage(
        await builder.getMany(),
        query.limit,
        (b) => [b.reference],
        (b) => b,
      );
      return { items: await presentBallots(tx.manager, budget.ballotKind, page.items), nextCursor: page.nextCursor };
    });
  }

  /** Checks every ballot against the budget's rules, then stores them together. */
  private async store(
    tx: Transaction,
    budget: BudgetEntity,
    ballots: (BallotChoicesDto & { reference: string })[],
    field: string,
  ): Promise<void> {
    const context = await BallotContext.load(tx.manager, budget);
    const problems: FieldProblem[] = [];
    const records: BallotRecord[] = [];
    ballots.forEach((ballot, index) => {
      const checked = context.check(ballot, field ? `${field}[${index}].` : '');
      if (!checked.ok) problems.push(...checked.problems);
      else records.push({ voterId: null, reference: ballot.reference, slot: '', district: checked.pot.district, choices: checked.choices });
    });
    if (problems.length > 0)
      throw Problems.unprocessable('ballot_invalid', `${problems[0].field}: ${problems[0].message}`, problems.slice(0, 50));
    await writeBallots(tx, budget.id, records, 'reference');
    await this.bumpRevision(tx, budget.id);
  }

  private async countingBudget(tx: Transaction, budgetId: string): Promise<BudgetEntity> {
    await BudgetLock.shared(tx, budgetId);
    const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
    if (!budget) throw Problems.notFound('That budget');
    const phase = effectivePhase(budget);
    if (phase !== 'voting' && phase !== 'closed') {
      throw Problems.conflict('not_counting', `Paper ballots are entered while voting or after it closes; the budget is ${phase}.`);
    }
    return budget;
  }

  /** Counted ballots changed: outcomes computed before are no longer current. */
  private async bumpRevision(tx: Transaction, budgetId: string): Promise<void> {
    await tx.manager.query('UPDATE budget SET ballots_revision = ballots_revision + 1 WHERE id = $1', [budgetId]);
  }
}
