import { CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A person following a resource (`proposals`, …) to hear about what happens to it. */
@Entity('follow')
@Index('idx_follow_user', ['userId'])
export class FollowEntity {
  @PrimaryColumn('text')
  kind: string;

  @PrimaryColumn('uuid')
  resourceId: string;

  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
