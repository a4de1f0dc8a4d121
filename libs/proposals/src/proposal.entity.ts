import { CONTENT_STATES, type ContentState, PROPOSAL_STATUSES, type ProposalStatus } from '@polity/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList } from '@polity/platform';

/** The full-text document of a proposal; the index and the queries must use this same expression. */
export const PROPOSAL_SEARCH_DOCUMENT = `(setweight(to_tsvector('simple', coalesce(p.title, '')), 'A') || setweight(to_tsvector('simple', coalesce(p.body, '')), 'B'))`;

@Entity('proposal')
@Index('idx_proposal_created', ['createdAt', 'id'])
@Index('idx_proposal_support_count', ['supportCount', 'id'])
@Index('idx_proposal_comment_count', ['commentCount', 'id'])
@Index('idx_proposal_author', ['authorId'])
@Index('idx_proposal_status', ['status'])
// Created by the migration (GIN indexes on expressions are beyond what the entity can describe).
@Index('idx_proposal_search', { synchronize: false })
@Index('idx_proposal_tags', { synchronize: false })
@Check('chk_proposal_status', `status IN (${PROPOSAL_STATUSES.map((status) => `'${status}'`).join(', ')})`)
@Check('chk_proposal_moderation_state', `moderation_state IN (${sqlList(CONTENT_STATES)})`)
@Check('chk_proposal_location', '(latitude IS NULL) = (longitude IS NULL)')
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { array: true, default: () => `'{}'` })
  tags: string[];

  @Column('text', { nullable: true })
  district: string | null;

  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Column('uuid')
  authorId: string;

  @Column('text', { default: 'published' })
  status: ProposalStatus;

  /** Set by moderation; lists and rooms show only visible proposals to anyone but the author and moderators. */
  @Column('text', { default: 'visible' })
  moderationState: ContentState;

  @Column('text', { nullable: true })
  withdrawnReason: string | null;

  @Column('text', { nullable: true })
  answerText: string | null;

  @Column('uuid', { nullable: true })
  answeredById: string | null;

  @Column('timestamptz', { nullable: true })
  answeredAt: Date | null;

  /**
   * Copy of the exact count (the sum of proposal_support_tally), refreshed a few times a second by
   * a job; it serves sorting. Reads that show a count use the tally itself.
   */
  @Column('integer', { default: 0 })
  supportCount: number;

  /** Live (not deleted) comments, refreshed after each comment change; serves sorting. */
  @Column('integer', { default: 0 })
  commentCount: number;

  /**
   * Anyone ever commented (deleted and held comments too), refreshed with the count; what the
   * views' `editable` reads. The edit itself checks the comments inside its transaction.
   */
  @Column('boolean', { default: false })
  commented: boolean;

  @Column('timestamptz', { nullable: true })
  thresholdReachedAt: Date | null;

  /** Millisecond precision, so a cursor carried through JavaScript compares exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
