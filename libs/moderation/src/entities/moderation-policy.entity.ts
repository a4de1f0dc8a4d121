import type { ModerationMode } from '@polity/contracts';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Pre- or post-moderation for one scope: `*` (the whole platform, over the configured default),
 * a kind of consultation (`budgets`), or one of them (`budgets:<id>`).
 */
@Entity('moderation_policy')
@Check('chk_moderation_policy_mode', `mode IN ('post', 'pre')`)
export class ModerationPolicyEntity {
  @PrimaryColumn('text')
  scope: string;

  @Column('text')
  mode: ModerationMode;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
