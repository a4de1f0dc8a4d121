import { CONTENT_STATES, type ContentState, THREAD_POST_TYPES, type ThreadPostType } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('codesign_post')
@Index('idx_codesign_post_timeline', ['threadId', 'createdAt', 'id'], { where: 'parent_id IS NULL' })
@Index('idx_codesign_post_replies', ['parentId', 'createdAt', 'id'], { where: 'parent_id IS NOT NULL' })
@Index('idx_codesign_post_author', ['authorId'])
@Check('chk_codesign_post_type', `type IN (${sqlList(THREAD_POST_TYPES)})`)
@Check('chk_codesign_post_typed_roots', '(parent_id IS NULL) = (type IS NOT NULL)')
@Check('chk_codesign_post_moderation_state', `moderation_state IN (${sqlList(CONTENT_STATES)})`)
@Check('chk_codesign_post_body', '(body IS NULL) = (deleted_at IS NOT NULL)')
export class ThreadPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  threadId: string;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  /** 0 for a top-level post. */
  @Column('smallint', { default: 0 })
  depth: number;

  @Column('text', { nullable: true })
  type: ThreadPostType | null;

  /** Null once its author deleted it: the post keeps its place so replies keep theirs. */
  @Column('text', { nullable: true })
  body: string | null;

  @Column('uuid')
  authorId: string;

  /** The author facilitated the thread when posting. */
  @Column('boolean', { default: false })
  official: boolean;

  @Column('boolean', { default: false })
  pinned: boolean;

  @Column('boolean', { default: false })
  answered: boolean;

  @Column('text')
  stage: string;

  @Column('integer', { default: 0 })
  supportCount: number;

  @Column('integer', { default: 0 })
  meTooCount: number;

  @Column('integer', { default: 0 })
  replyCount: number;

  @Column('text', { default: 'visible' })
  moderationState: ContentState;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
