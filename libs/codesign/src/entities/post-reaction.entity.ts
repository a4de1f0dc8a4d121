import { THREAD_REACTIONS, type ThreadReaction } from '@polity/contracts';
import { sqlList } from '@polity/platform';
import { Check, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One of each reaction per person per post: the key makes a repeated request a no-op. */
@Entity('codesign_post_reaction')
@Index('idx_codesign_post_reaction_user', ['userId'])
@Check('chk_codesign_post_reaction', `reaction IN (${sqlList(THREAD_REACTIONS)})`)
export class PostReactionEntity {
  @PrimaryColumn('uuid')
  postId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('text')
  reaction: ThreadReaction;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
