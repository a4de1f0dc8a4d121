import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/** One support per person per proposal: the primary key is the rule. */
@Entity('proposal_support')
@Index('idx_proposal_support_user', ['userId'])
export class ProposalSupportEntity {
  @PrimaryColumn('uuid')
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: ProposalEntity;

  @PrimaryColumn('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
