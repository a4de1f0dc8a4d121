import { Injectable } from '@nestjs/common';
import type { BudgetProjectView } from '@polity/contracts';
import {
  canSeeContent,
  cleanText,
  isUniqueViolation,
  type Principal,
  Problems,
  recordAudit,
  type Transaction,
  UnitOfWork,
} from '@polity/platform';
import { ContentGate } from '@polity/moderation';
import { ProposalsQuery } from '@polity/proposals';
import { DataSource } from 'typeorm';
import { assertVisible, managesBudgets } from '../budgets/budget-access';
import { BudgetLock } from '../budgets/budget-lock';
import { effectivePhase, isAtLeast } from '../budgets/budget-phases';
import { type BudgetPot, loadPots, requirePot } from '../budgets/budget-pots';
import { BudgetEntity } from '../entities/budget.entity';
import { BudgetProjectEntity } from '../entities/budget-project.entity';
import { BudgetProjectPresenter } from './budget-project-presenter';
import type {
  CreateBudgetProjectDto,
  ListBudgetProjectsQueryDto,
  ProjectFromProposalDto,
  ReviewBudgetProjectDto,
  UpdateBudgetProjectDto,
} from './budget-projects.dto';

@Injectable()
export class BudgetProjectsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: BudgetProjectPresenter,
    private readonly proposals: ProposalsQuery,
    private readonly dataSource: DataSource,
    private readonly gate: ContentGate,
  ) {}

  async list(budgetId: string, principal: Principal | undefined, query: ListBudgetProjectsQueryDto): Promise<BudgetProjectView[]> {
    assertVisible(await this.dataSource.manager.findOneBy(BudgetEntity, { id: budgetId }), principal);
    const projects = await this.dataSource.manager.find(BudgetProjectEntity, {
      where: {
        budgetId,
        ...(query.district && { district: query.district }),
        ...(query.feasibility && { feasibility: query.feasibility }),
        ...(query.category && { category: query.category }),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return this.presenter.present(projects.filter((project) => visibleTo(project, principal)));
  }

  async get(projectId: string, principal: Principal | undefined): Promise<BudgetProjectView> {
    const project = await this.dataSource.manager.findOneBy(BudgetProjectEntity, { id: projectId });
    if (!project || !visibleTo(project, principal)) throw Problems.notFound('That project');
    assertVisible(await this.dataSource.manager.findOneBy(BudgetEntity, { id: project.budgetId }), principal);
    return this.presenter.presentOne(project);
  }

  /** Officials add projects until voting starts; residents suggest them while the budget is proposing. */
  async create(principal: Principal, budgetId: string, input: CreateBudgetProjectDto): Promise<BudgetProjectView> {
    const official = managesBudgets(principal);
    const project = await this.unitOfWork.run(async (tx) => {
      const budget = await this.openBudget(tx, budgetId, principal);
      if (!official && input.feasibility !== undefined) {
        throw Problems.forbidden('forbidden', 'Only officials decide whether a project is feasible.');
      }
      const pot = await this.potOf(tx, budget, input.district, input.cost);
      const moderationState = official ? 'visible' : await this.gate.admit(tx, principal.userId, [`budgets:${budgetId}`, 'budgets']);
      const saved = await tx.manager.save(
        tx.manager.create(BudgetProjectEntity, {
          budgetId,
          title: cleanText(input.title),
          description: cleanText(input.description),
          cost: input.cost,
          district: pot.district,
          category: input.category ?? null,
          feasibility: official ? (input.feasibility ?? 'pending') : 'pending',
          suggestedById: official ? null : principal.userId,
          moderationState,
        }),
      );
      tx.publish('budget.project_changed', { budgetId, projectId: saved.id });
      if (!official) tx.publish('content.submitted', { kind: 'budget-projects', contentId: saved.id, authorId: principal.userId });
      return saved;
    });
    return this.presenter.presentOne(project);
  }

  /** An official turns an accepted proposal into a project, keeping the link. */
  async createFromProposal(principal: Principal, budgetId: string, input: ProjectFromProposalDto): Promise<BudgetProjectView> {
    const alreadyAProject = () => Problems.conflict('already_a_project', 'That proposal is already a project of this budget.');
    const project = await this.unitOfWork
      .run(async (tx) => {
        // Read under the proposal's lock: an answer that would move it off `accepted` waits for this transaction.
        const proposal = await this.proposals.getLocked(tx, input.proposalId);
        if (proposal.status !== 'accepted') {
          throw Problems.conflict('proposal_not_accepted', `Only accepted proposals become projects; this one is ${proposal.status}.`);
        }
        const budget = await this.openBudget(tx, budgetId, principal);
        if (await tx.manager.existsBy(BudgetProjectEntity, { budgetId, sourceProposalId: proposal.id })) throw alreadyAProject();
        const pot = await this.potOf(tx, budget, input.district ?? proposal.district ?? undefined, input.cost);
        const saved = await tx.manager.save(
          tx.manager.create(BudgetProjectEntity, {
            budgetId,
            title: proposal.title,
            description: proposal.body,
            cost: input.cost,
            district: pot.district,
            category: input.category ?? proposal.tags[0] ?? null,
            sourceProposalId: proposal.id,
          }),
        );
        tx.publish('budget.project_changed', { budgetId, projectId: saved.id });
        return saved;
      })
      .catch((error: unknown) => {
        // Two officials converting the same proposal at once: the unique index lets one through.
        throw isUniqueViolation(error, 'uq_budget_project_proposal') ? alreadyAProject() : error;
      });
    return this.presenter.presentOne(project);
  }

  /** Officials edit until voting; the resident who suggested it, while it awaits review. */
  async update(principal: Principal, projectId: string, input: UpdateBudgetProjectDto): Promise<BudgetProjectView> {
    const project = await this.unitOfWork.run(async (tx) => {
      const found = await this.lockedProject(tx, projectId);
      const budget = await this.openBudget(tx, found.budgetId, principal);
      if (!managesBudgets(principal) && (found.suggestedById !== principal.userId || found.feasibility !== 'pending')) {
        throw Problems.forbidden('not_author', 'Only the resident who suggested it may edit a project, and only before its review.');
      }
      if (found.moderationState === 'hidden')
        throw Problems.conflict('content_hidden', 'A moderator hid this suggestion; it can no longer be edited.');
      const suggester = found.suggestedById === principal.userId;
      // The resident's own suggestion is their text: blocks and pre-moderation apply as to new text.
      if (suggester)
        found.moderationState = await this.gate.admitEdit(
          tx,
          principal.userId,
          [`budgets:${found.budgetId}`, 'budgets'],
          found.moderationState,
        );
      const pot = await this.potOf(tx, budget, input.district ?? found.district ?? undefined, input.cost ?? found.cost);
      if (input.title !== undefined) found.title = cleanText(input.title);
      if (input.description !== undefined) found.description = cleanText(input.description);
      if (input.category !== undefined) found.category = input.category;
      if (input.cost !== undefined) found.cost = input.cost;
      found.district = pot.district;
      await tx.manager.save(found);
      if (suggester) {
        tx.publish('content.submitted', { kind: 'budget-projects', contentId: projectId, authorId: principal.userId });
      }
      if (managesBudgets(principal)) {
        await recordAudit(tx, {
          actorId: principal.userId,
          action: 'budget.project_updated',
          target: { kind: 'budget-projects', id: projectId },
          after: { ...input },
        });
      }
      tx.publish('budget.project_changed', { budgetId: found.budgetId, projectId });
      return found;
    });
    return this.presenter.presentOne(project);
  }

  /** The feasibility review: only feasible projects reach the ballot; an unfeasible one says why. */
  async review(principal: Principal, projectId: string, input: ReviewBudgetProjectDto): Promise<BudgetProjectView> {
    const project = await this.unitOfWork.run(async (tx) => {
      const found = await this.lockedProject(tx, projectId);
      await this.openBudget(tx, found.budgetId, principal);
      if (found.moderationState !== 'visible') {
        throw Problems.conflict(
          'content_not_visible',
          'This suggestion is awaiting moderation or was hidden; it is reviewed once a moderator restores it.',
        );
      }
      const before = { feasibility: found.feasibility, reason: found.unfeasibleReason };
      found.feasibility = input.feasibility;
      found.unfeasibleReason = input.feasibility === 'unfeasible' ? cleanText(input.reason ?? '') : null;
      found.reviewedById = principal.userId;
      found.reviewedAt = new Date();
      await tx.manager.save(found);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'budget.project_reviewed',
        target: { kind: 'budget-projects', id: projectId },
        before,
        after: { feasibility: found.feasibility, reason: found.unfeasibleReason },
      });
      tx.publish('budget.project_reviewed', {
        budgetId: found.budgetId,
        projectId,
        feasibility: input.feasibility,
        suggestedById: found.suggestedById,
      });
      return found;
    });
    return this.presenter.presentOne(project);
  }

  async remove(principal: Principal, projectId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const found = await this.lockedProject(tx, projectId);
      await this.openBudget(tx, found.budgetId, principal);
      await tx.manager.delete(BudgetProjectEntity, { id: projectId });
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'budget.project_removed',
        target: { kind: 'budget-projects', id: projectId },
        before: { title: found.title, cost: found.cost, budgetId: found.budgetId },
      });
      tx.publish('budget.project_changed', { budgetId: found.budgetId, projectId });
    });
  }

  /**
   * The budget, locked against phase changes, if its projects may still change: officials until
   * voting starts, residents only while it is proposing.
   */
  private async openBudget(tx: Transaction, budgetId: string, principal: Principal): Promise<BudgetEntity> {
    await BudgetLock.shared(tx, budgetId);
    const budget = await tx.manager.findOneBy(BudgetEntity, { id: budgetId });
    assertVisible(budget, principal);
    const phase = effectivePhase(budget);
    if (managesBudgets(principal)) {
      if (isAtLeast(phase, 'voting'))
        throw Problems.conflict('projects_locked', `Projects are fixed once voting starts; the budget is ${phase}.`);
    } else if (phase !== 'proposing') {
      throw Problems.conflict('not_proposing', `Residents suggest projects while the budget is proposing; it is ${phase}.`);
    }
    return budget;
  }

  private async lockedProject(tx: Transaction, projectId: string): Promise<BudgetProjectEntity> {
    const project = await tx.manager.findOne(BudgetProjectEntity, { where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
    if (!project) throw Problems.notFound('That project');
    return project;
  }

  /** The pot a project goes into; 422 for a district the budget lacks or a cost above the pot. */
  private async potOf(tx: Transaction, budget: BudgetEntity, district: string | undefined, cost: number): Promise<BudgetPot> {
    const pot = requirePot(await loadPots(tx.manager, budget), district);
    if (cost > pot.amount) {
      throw Problems.unprocessable('cost_above_budget', `The project costs more than its pot (${pot.amount}).`, [
        { field: 'cost', rule: 'max_pot_amount', message: `at most ${pot.amount}` },
      ]);
    }
    return pot;
  }
}

/** Residents' suggestions held or hidden by moderation: only their author and moderators see them. */
function visibleTo(project: BudgetProjectEntity, principal: Principal | undefined): boolean {
  return canSeeContent(project.moderationState, project.suggestedById ?? '', principal);
}
