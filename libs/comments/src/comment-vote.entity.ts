import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CommentEntity } from './comment.entity';

/** One up or down vote per person per comment. */
@Entity('comment_vote')
@Index('idx_comment_vote_user', ['userId'])
@Check('chk_comment_vote_value', 'value IN (-1, 1)')
export class CommentVoteEntity {
  @PrimaryColumn('uuid')
  commentId: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: CommentEntity;

  @PrimaryColumn('uuid')
  userId: string;

  @Column('smallint')
  value: 1 | -1;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
