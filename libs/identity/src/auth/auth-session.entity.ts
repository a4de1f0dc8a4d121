import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/** One signed-in device: a family of refresh tokens, revoked together. */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_auth_session_user_id')
  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('text', { nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  lastRefreshedAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  /** `logout`, `refresh_token_reuse`, `account_erased`, … */
  @Column('text', { nullable: true })
  revokedReason: string | null;
}
