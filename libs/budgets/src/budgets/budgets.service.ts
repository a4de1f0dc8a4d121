import { Injectable } from '@nestjs/common';
import type { BudgetPhase, BudgetView } from '@polity/contracts';
import { DistrictsService } from '@polity/districts';
import {
  cleanText,
  decodeCursor,
  type Page,
  type Principal,
  Problems,
  recordAudit,
  toPage,
  type Transaction,
  UnitOfWork,
} from '@polity/platform';
import { DataSource } from 'typeorm';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetDistrictEntity } from '../entities/budget-district.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import { assertVisible, managesBudgets } from './budget-access';
import { BudgetLock } from './budget-lock';
import {
  type BudgetSchedule,
  EFFECTIVE_PHASE_SQL,
  effectivePhase,
  isAtLeast,
  phaseIndex,
  SCHEDULED_PHASES,
  scheduleMovedTo,
} from './budget-phases';
import { BudgetPresenter } from './budget-presenter';
import { ballotLimits, type BudgetSettings, settingsProblems, toBallotRules } from './budget-settings';
import { recordPhase } from './budget-transitions';
import type { CreateBudgetDto, ListBudgetsQueryDto, UpdateBudgetDto } from './budgets.dto';

/** Settings that shape the ballot and the pots: frozen once voting starts. */
const FROZEN_IN_VOTING = ['totalAmount', 'currency', 'ballot', 'districts', 'districtVoting', 'requireVerified'] as const;

@Injectable()
export class BudgetsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: BudgetPresenter,
    private readonly districts: DistrictsService,
    private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, input: CreateBudgetDto): Promise<BudgetView> {
    const settings: BudgetSettings = {
      totalAmount: input.totalAmount,
      ballot: toBallotRules(input.ballot),
      districts: input.districts ?? [],
      districtVoting: input.districtVoting ?? null,
      schedule: scheduleOf(input.schedule ?? {}),
    };
    await this.assertSound(settings);
    return this.unitOfWork.run(async (tx) => {
      const budget = await tx.manager.save(
        tx.manager.create(BudgetEntity, {
          title: cleanText(input.title),
          description: cleanText(input.description),
          currency: input.currency,
          totalAmount: input.totalAmount,
          ballotKind: settings.ballot.kind,
          ballotLimits: ballotLimits(settings.ballot),
          districtVoting: settings.districtVoting,
          requireVerified: input.requireVerified ?? false,
          liveResults: input.liveResults ?? true,
          createdById: principal.userId,
          ...settings.schedule,
        }),
      );
      await this.saveDistricts(tx, budget.id, settings.districts);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'budget.created',
        target: { kind: 'budgets', id: budget.id },
        after: { ...input },
      });
      tx.publish('budget.created', { budgetId: budget.id });
      return this.presenter.presentOne(budget, tx.manager);
    });
  }

  async update(principal: Principal, id: string, input: UpdateBudgetDto): Promise<BudgetView> {
    return this.unitOfWork.run(async (tx) => {
      await BudgetLock.exclusive(tx, id);
      const budget = await this.lockedForUpdate(tx, id);
      const phase = effectivePhase(budget);
      const frozen = FROZEN_IN_VOTING.filter((field) => input[field] !== undefined);
      if (frozen.length > 0 && isAtLeast(phase, 'voting')) {
        throw Problems.conflict('budget_locked', `${frozen.join(', ')} cannot change once voting has started.`);
      }
      const current = await this.settingsOf(tx, budget);
      const schedule = { ...current.schedule };
      for (const [field] of SCHEDULED_PHASES) {
        const sent = input.schedule?.[field];
        if (sent !== undefined) schedule[field] = sent;
      }
      for (const [field, starts] of SCHEDULED_PHASES) {
        const changed = schedule[field]?.getTime() !== current.schedule[field]?.getTime();
        if (changed && isAtLeast(phase, starts)) throw Problems.conflict('phase_started', `${starts} has already begun; ${field} stays.`);
      }
      const settings: BudgetSettings = {
        totalAmount: input.totalAmount ?? current.totalAmount,
        ballot: input.ballot ? toBallotRules(input.ballot) : current.ballot,
        districts: input.districts ?? current.districts,
        districtVoting: input.districtVoting !== undefined ? input.districtVoting : current.districtVoting,
        schedule,
      };
      await this.assertSound(settings);
      Object.assign(budget, {
        ...(input.title !== undefined && { title: cleanText(input.title) }),
        ...(input.description !== undefined && { description: cleanText(input.description) }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.requireVerified !== undefined && { requireVerified: input.requireVerified }),
        ...(input.liveResults !== undefined && { liveResults: input.liveResults }),
        totalAmount: settings.totalAmount,
        ballotKind: settings.ballot.kind,
        ballotLimits: ballotLimits(settings.ballot),
        districtVoting: settings.districtVoting,
        ...settings.schedule,
      });
      await tx.manager.save(budget);
      if (input.districts) {
        await tx.manager.delete(BudgetDistrictEntity, { budgetId: id });
        await this.saveDistricts(tx, id, settings.districts);
      }
      await recordAudit(tx, { actorId: principal.userId, action: 'budget.updated', target: { kind: 'budgets', id }, after: { ...input } });
      tx.publish('budget.updated', { budgetId: id });
      return this.presenter.presentOne(budget, tx.manager);
    });
  }

  /** An official moves the budget on; voting needs at least one feasible project. */
  async changePhase(principal: Principal, id: string, to: BudgetPhase): Promise<BudgetView> {
    return this.unitOfWork.run(async (tx) => {
      await BudgetLock.exclusive(tx, id);
      const budget = await this.lockedForUpdate(tx, id);
      const current = effectivePhase(budget);
      if (phaseIndex(to) <= phaseIndex(current)) {
        throw Problems.conflict('invalid_transition', `The budget is ${current}; it can only move on to a later phase.`);
      }
      if (!isAtLeast(current, 'voting') && isAtLeast(to, 'voting')) {
        const feasible = await tx.manager.existsBy(BudgetProjectEntity, { budgetId: id, feasibility: 'feasible' });
        if (!feasible) throw Problems.conflict('no_feasible_projects', 'Voting needs at least one project found feasible.');
      }
      const schedule = scheduleMovedTo(budget, to, new Date());
      if (Object.keys(schedule).length > 0) await tx.manager.update(BudgetEntity, { id }, schedule);
      await recordPhase(tx, budget, to);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'budget.phase_moved',
        target: { kind: 'budgets', id },
        before: { phase: current },
        after: { phase: to },
      });
      return this.presenter.presentOne(budget, tx.manager);
    });
  }

  async find(id: string, principal: Principal | undefined): Promise<BudgetEntity> {
    const budget = await this.dataSource.manager.findOneBy(BudgetEntity, { id });
    assertVisible(budget, principal);
    return budget;
  }

  async get(id: string, principal: Principal | undefined): Promise<BudgetView> {
    return this.presenter.presentOne(await this.find(id, principal));
  }

  async list(query: ListBudgetsQueryDto, principal: Principal | undefined): Promise<Page<BudgetView>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(BudgetEntity, 'b')
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .limit(query.limit + 1);
    if (query.phase) builder.andWhere(`${EFFECTIVE_PHASE_SQL} = :phase`, { phase: query.phase });
    if (!managesBudgets(principal)) builder.andWhere(`${EFFECTIVE_PHASE_SQL} <> 'draft'`);
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (cursor) builder.andWhere('(b.created_at, b.id) < (:createdAt, :id)', { createdAt: cursor[0], id: cursor[1] });
    const rows = await builder.getMany();
    const page = toPage(
      rows,
      query.limit,
      (b) => [b.createdAt.toISOString(), b.id],
      (b) => b,
    );
    return { items: await this.presenter.present(page.items), nextCursor: page.nextCursor };
  }

  private async lockedForUpdate(tx: Transaction, id: string): Promise<BudgetEntity> {
    const budget = await tx.manager.findOne(BudgetEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!budget) throw Problems.notFound('That budget');
    return budget;
  }

  private async settingsOf(tx: Transaction, budget: BudgetEntity): Promise<BudgetSettings> {
    const districts = await tx.manager.find(BudgetDistrictEntity, { where: { budgetId: budget.id } });
    return {
      totalAmount: budget.totalAmount,
      ballot: { kind: budget.ballotKind, ...budget.ballotLimits },
      districts: districts.map((d) => ({ code: d.district, amount: d.amount })),
      districtVoting: budget.districtVoting,
      schedule: scheduleOf(budget),
    };
  }

  private async assertSound(settings: BudgetSettings): Promise<void> {
    const problems = settingsProblems(settings);
    if (problems.length > 0) throw Problems.unprocessable('budget_invalid', problems[0].message, problems);
    for (const district of settings.districts) await this.districts.assertExists(district.code, 'districts');
  }

  private async saveDistricts(tx: Transaction, budgetId: string, districts: { code: string; amount: number }[]): Promise<void> {
    if (districts.length === 0) return;
    await tx.manager.insert(
      BudgetDistrictEntity,
      districts.map((d) => ({ budgetId, district: d.code, amount: d.amount })),
    );
  }
}

function scheduleOf(source: Partial<Record<keyof BudgetSchedule, Date | null | undefined>>): BudgetSchedule {
  return {
    proposingStartsAt: source.proposingStartsAt ?? null,
    reviewingStartsAt: source.reviewingStartsAt ?? null,
    votingStartsAt: source.votingStartsAt ?? null,
    votingEndsAt: source.votingEndsAt ?? null,
  };
}
