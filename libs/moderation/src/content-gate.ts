import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ContentState, ModerationMode } from '@polity/contracts';
import { ModerationConfig, Problems, Transaction } from '@polity/platform';
import { In, Repository } from 'typeorm';
import { ModerationBlockEntity } from './entities/moderation-block.entity';
import { ModerationPolicyEntity } from './entities/moderation-policy.entity';

/**
 * What a feature asks before it stores citizen text: may this author post, and does the text start
 * visible (post-moderation) or held until screened (pre-moderation)? The feature then publishes
 * `content.submitted` in the same transaction, and the worker screens it.
 */
@Injectable()
export class ContentGate {
  constructor(
    @InjectRepository(ModerationPolicyEntity) private readonly policies: Repository<ModerationPolicyEntity>,
    private readonly config: ModerationConfig,
  ) {}

  /**
   * @param scopes the consultation the text belongs to, most specific first (`budgets:<id>`, `budgets`);
   *   the first scope with a policy decides, then the platform-wide `*` policy, then the configured mode.
   */
  async admit(tx: Transaction, authorId: string, scopes: string[]): Promise<ContentState> {
    await this.assertMayContribute(tx, authorId);
    return (await this.modeFor(scopes, tx)) === 'pre' ? 'held' : 'visible';
  }

  /**
   * The state an edited text takes: under pre-moderation a visible text is held again until its new
   * wording is screened, as new text would be; otherwise it keeps its state (a held one stays held).
   */
  async admitEdit(tx: Transaction, authorId: string, scopes: string[], current: ContentState): Promise<ContentState> {
    await this.assertMayContribute(tx, authorId);
    return current === 'visible' && (await this.modeFor(scopes, tx)) === 'pre' ? 'held' : current;
  }

  async assertMayContribute(tx: Transaction, authorId: string): Promise<void> {
    const block = await tx.manager
      .createQueryBuilder(ModerationBlockEntity, 'b')
      .where('b.user_id = :authorId AND b.lifted_at IS NULL AND (b.until IS NULL OR b.until > now())', { authorId })
      .orderBy('b.until', 'DESC', 'NULLS FIRST')
      .getOne();
    if (block) {
      const until = block.until ? ` until ${block.until.toISOString()}` : '';
      throw Problems.forbidden('author_blocked', `Your account is blocked from contributing${until}: ${block.reason}`);
    }
  }

  async modeFor(scopes: string[], tx?: Transaction): Promise<ModerationMode> {
    const candidates = [...scopes, '*'];
    const rows = await (tx?.manager.getRepository(ModerationPolicyEntity) ?? this.policies).findBy({ scope: In(candidates) });
    const byScope = new Map(rows.map((row) => [row.scope, row.mode]));
    for (const scope of candidates) {
      const mode = byScope.get(scope);
      if (mode) return mode;
    }
    return this.config.mode;
  }
}
