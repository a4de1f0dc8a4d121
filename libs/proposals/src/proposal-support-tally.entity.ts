import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProposalEntity } from './proposal.entity';

/** Shards per proposal: concurrent supports update different rows instead of queueing on one. */
export const SUPPORT_TALLY_SHARDS = 16;

/**
 * A proposal's support count split over shards. Each support or withdrawal adds +1 or -1 to one
 * shard in the same transaction as its support row, so the sum always equals the number of rows.
 * A single shard may go negative; only the sum means anything.
 */
@Entity('proposal_support_tally')
export class ProposalSupportTallyEntity {
  @PrimaryColumn('uuid')
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: ProposalEntity;

  @PrimaryColumn('smallint')
  shard: number;

  @Column('integer')
  supports: number;
}
