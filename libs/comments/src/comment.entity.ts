import { type CommentAlignment, CONTENT_STATES, type ContentState } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';

/** A comment on any discussable resource, threaded through parentId; rootId groups a whole thread. */
@Entity('comment')
@Index('idx_comment_resource_created', ['kind', 'resourceId', 'createdAt'])
@Index('idx_comment_root', ['rootId'])
@Index('idx_comment_author', ['authorId'])
// Created by its migration: a partial index (live comments only), for countLive.
@Index('idx_comment_live', { synchronize: false })
@Check('chk_comment_depth', 'depth BETWEEN 0 AND 3')
@Check('chk_comment_moderation_state', `moderation_state IN (${sqlList(CONTENT_STATES)})`)
@Check('chk_comment_alignment', `alignment IN ('in_favour', 'neutral', 'against')`)
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: string;

  @Column('uuid')
  resourceId: string;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: CommentEntity;

  /** The top-level comment of this thread (itself for a top-level comment). */
  @Column('uuid')
  rootId: string;

  /** 0 for a top-level comment; replies go at most 3 levels deeper. */
  @Column('smallint')
  depth: number;

  @Column('uuid')
  authorId: string;

  /** Null once deleted. */
  @Column('text', { nullable: true })
  body: string | null;

  @Column('text', { nullable: true })
  alignment: CommentAlignment | null;

  /** Set by moderation; others see a held or hidden comment as a placeholder in its thread. */
  @Column('text', { default: 'visible' })
  moderationState: ContentState;

  @Column('integer', { default: 0 })
  upvotes: number;

  @Column('integer', { default: 0 })
  downvotes: number;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  /** When followers were told about it: after its first clean verdict, never before (null until then). */
  @Column('timestamptz', { nullable: true })
  announcedAt: Date | null;

  /** Millisecond precision, so a cursor carried through JavaScript compares exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
