import { Injectable } from '@nestjs/common';
import { DEFAULT_THREAD_STAGES, type ThreadStageChangeView, type ThreadView } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { UsersService } from '@polity/identity';
import {
  cleanText,
  DiscussableResources,
  type Principal,
  Problems,
  recordAudit,
  type ResourceLinkDto,
  type Transaction,
  UnitOfWork,
  uniqueLinks,
} from '@polity/platform';
import { StageChangeEntity } from '../entities/stage-change.entity';
import { ThreadEntity } from '../entities/thread.entity';
import { ThreadLinkEntity } from '../entities/thread-link.entity';
import { assertFacilitator, lockThread } from './thread-access';
import { ThreadPresenter } from './thread-presenter';
import type { CreateThreadDto, MoveStageDto, UpdateThreadDto } from './threads.dto';

const auditedFields = (thread: ThreadEntity) => ({
  title: thread.title,
  serviceName: thread.serviceName,
  department: thread.department,
  status: thread.status,
  stages: thread.stages,
  facilitatorIds: thread.facilitatorIds,
});

@Injectable()
export class ThreadsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly presenter: ThreadPresenter,
    private readonly users: UsersService,
    private readonly resources: DiscussableResources,
    private readonly follows: FollowsService,
  ) {}

  /** An official opens a thread and facilitates it, with any other officials named. */
  async create(principal: Principal, input: CreateThreadDto): Promise<ThreadView> {
    const facilitatorIds = [...new Set([principal.userId, ...(input.facilitatorIds ?? [])])];
    const links = input.links ?? [];
    await this.resources.assertLinkable(links, principal);
    const thread = await this.unitOfWork.run(async (tx) => {
      // The creator is an official (the route requires it); the others are checked by their place in the input.
      await this.assertOfficials(tx, input.facilitatorIds ?? []);
      const stages = input.stages ?? [...DEFAULT_THREAD_STAGES];
      const saved = await tx.manager.save(
        tx.manager.create(ThreadEntity, {
          title: input.title,
          serviceName: input.serviceName,
          department: input.department,
          description: cleanText(input.description),
          stages,
          currentStage: stages[0],
          facilitatorIds,
          createdById: principal.userId,
        }),
      );
      await this.replaceLinks(tx, saved.id, links);
      await this.follows.follow('threads', saved.id, principal.userId, tx.manager);
      tx.publish('thread.created', { threadId: saved.id });
      return saved;
    });
    return this.presenter.present(thread, principal);
  }

  async update(principal: Principal, id: string, input: UpdateThreadDto): Promise<ThreadView> {
    if (input.links) await this.resources.assertLinkable(input.links, principal);
    const thread = await this.unitOfWork.run(async (tx) => {
      const found = await lockThread(tx, id);
      assertFacilitator(found, principal);
      const before = auditedFields(found);
      if (input.title !== undefined) found.title = input.title;
      if (input.serviceName !== undefined) found.serviceName = input.serviceName;
      if (input.department !== undefined) found.department = input.department;
      if (input.description !== undefined) found.description = cleanText(input.description);
      if (input.status !== undefined) found.status = input.status;
      if (input.stages !== undefined) {
        if (!input.stages.includes(found.currentStage))
          throw Problems.unprocessable('current_stage_removed', `The thread is in stage "${found.currentStage}"; keep it in the list.`, [
            { field: 'stages', rule: 'includesCurrent', message: `must include "${found.currentStage}"` },
          ]);
        found.stages = input.stages;
      }
      if (input.facilitatorIds !== undefined) {
        if (input.facilitatorIds.length === 0)
          throw Problems.unprocessable('no_facilitator', 'A thread needs at least one facilitator.', [
            { field: 'facilitatorIds', rule: 'arrayMinSize', message: 'must name at least one official' },
          ]);
        await this.assertOfficials(tx, input.facilitatorIds);
        found.facilitatorIds = [...new Set(input.facilitatorIds)];
      }
      await tx.manager.save(found);
      if (input.links) await this.replaceLinks(tx, id, input.links);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'thread.updated',
        target: { kind: 'threads', id },
        before,
        after: { ...auditedFields(found), links: input.links },
      });
      tx.publish('thread.updated', { threadId: id });
      return found;
    });
    return this.presenter.present(thread, principal);
  }

  /** A facilitator moves the thread to another stage (forward or back), summarising the one it leaves. */
  async moveStage(principal: Principal, id: string, input: MoveStageDto): Promise<ThreadStageChangeView> {
    const change = await this.unitOfWork.run(async (tx) => {
      const thread = await lockThread(tx, id);
      assertFacilitator(thread, principal);
      if (!thread.stages.includes(input.stage))
        throw Problems.unprocessable('unknown_stage', `This thread's stages are ${thread.stages.join(', ')}.`, [
          { field: 'stage', rule: 'isIn', message: `must be one of ${thread.stages.join(', ')}` },
        ]);
      if (input.stage === thread.currentStage) throw Problems.conflict('same_stage', `The thread is already in stage "${input.stage}".`);
      const saved = await tx.manager.save(
        tx.manager.create(StageChangeEntity, {
          threadId: id,
          fromStage: thread.currentStage,
          toStage: input.stage,
          summary: cleanText(input.summary),
          changedById: principal.userId,
        }),
      );
      await tx.manager.update(ThreadEntity, { id }, { currentStage: input.stage });
      tx.publish('thread.stage_changed', { threadId: id, stageChangeId: saved.id, from: saved.fromStage, to: saved.toStage });
      return saved;
    });
    const [view] = await this.presenter.stageChanges([change]);
    return view;
  }

  private async assertOfficials(tx: Transaction, userIds: readonly string[]): Promise<void> {
    for (const [index, userId] of userIds.entries()) {
      const user = await this.users.get(userId, tx.manager).catch(() => null);
      if (!user || !user.roles.some((role) => role === 'official' || role === 'admin'))
        throw Problems.unprocessable('not_an_official', 'Facilitators must be officials.', [
          { field: `facilitatorIds.${index}`, rule: 'isOfficial', message: 'not an official' },
        ]);
    }
  }

  private async replaceLinks(tx: Transaction, threadId: string, links: readonly ResourceLinkDto[]): Promise<void> {
    await tx.manager.delete(ThreadLinkEntity, { threadId });
    const unique = uniqueLinks(links);
    if (unique.length > 0)
      await tx.manager.insert(
        ThreadLinkEntity,
        unique.map((link, position) => ({ threadId, kind: link.kind, resourceId: link.id, position })),
      );
  }
}
