import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UsersService } from '@polity/identity';
import { Principal, Problems, recordAudit, UnitOfWork } from '@polity/platform';
import { Repository } from 'typeorm';
import { ModerationBlockEntity } from '../entities/moderation-block.entity';
import type { BlockDto, CreateBlockDto } from './blocks.dto';

/** Blocks outside a queue decision: listing the active ones, blocking directly, lifting. */
@Injectable()
export class BlocksService {
  constructor(
    @InjectRepository(ModerationBlockEntity) private readonly blocks: Repository<ModerationBlockEntity>,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UsersService,
  ) {}

  async active(): Promise<BlockDto[]> {
    const rows = await this.blocks
      .createQueryBuilder('b')
      .where('b.lifted_at IS NULL AND (b.until IS NULL OR b.until > now())')
      .orderBy('b.created_at', 'DESC')
      .limit(500)
      .getMany();
    return this.present(rows);
  }

  async block(principal: Principal, input: CreateBlockDto): Promise<BlockDto> {
    if (input.userId === principal.userId) throw Problems.forbidden('own_account', 'You cannot block yourself.');
    if (input.until && new Date(input.until).getTime() <= Date.now()) {
      throw Problems.unprocessable('block_in_past', 'until must be in the future.', [
        { field: 'until', rule: 'future', message: 'must be in the future' },
      ]);
    }
    if (!(await this.users.publicProfiles([input.userId])).has(input.userId)) throw Problems.notFound('That person');
    const block = await this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(ModerationBlockEntity, {
          userId: input.userId,
          reason: input.reason,
          until: input.until ? new Date(input.until) : null,
          blockedById: principal.userId,
        }),
      );
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'moderation.block_author',
        target: { kind: 'user', id: input.userId },
        after: { blockId: saved.id, until: saved.until?.toISOString() ?? null, reason: saved.reason },
      });
      return saved;
    });
    const [view] = await this.present([block]);
    return view;
  }

  async lift(principal: Principal, blockId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const block = await tx.manager.findOne(ModerationBlockEntity, { where: { id: blockId }, lock: { mode: 'pessimistic_write' } });
      if (!block) throw Problems.notFound('That block');
      if (block.userId === principal.userId) throw Problems.forbidden('own_account', 'Another moderator decides on a block placed on you.');
      if (block.liftedAt) return;
      block.liftedAt = new Date();
      await tx.manager.save(block);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'moderation.lift_block',
        target: { kind: 'user', id: block.userId },
        before: { blockId, until: block.until?.toISOString() ?? null },
        after: { liftedAt: block.liftedAt.toISOString() },
      });
    });
  }

  private async present(rows: ModerationBlockEntity[]): Promise<BlockDto[]> {
    const people = await this.users.publicProfiles(rows.map((row) => row.userId));
    return rows.map((row) => ({
      id: row.id,
      userId: row.userId,
      displayName: people.get(row.userId)?.displayName ?? 'Deleted user',
      reason: row.reason,
      until: row.until?.toISOString() ?? null,
      blockedById: row.blockedById,
      createdAt: row.createdAt.toISOString(),
    }));
  }
}
