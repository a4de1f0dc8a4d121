import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { CensusUploadEntity } from './census-upload.entity';

export type CensusSecondary = 'birth_date' | 'postcode';

/**
 * One resident on the census, held only as a keyed hash (HMAC) of their identifier and birth date
 * or postcode: enough to recognise them when they verify, useless to anyone reading the table.
 */
@Entity('census_entry')
export class CensusEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('bytea', { unique: true })
  lookupHash: Buffer;

  @Column('text', { nullable: true })
  district: string | null;

  @Index('idx_census_entry_last_upload_id')
  @Column('uuid')
  lastUploadId: string;

  @ManyToOne(() => CensusUploadEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'last_upload_id' })
  lastUpload?: CensusUploadEntity;

  /** The one account this entry verified; unique, so an entry verifies one account only. */
  @Column('uuid', { nullable: true, unique: true })
  claimedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by_user_id' })
  claimedBy?: UserEntity;

  @Column('timestamptz', { nullable: true })
  claimedAt: Date | null;
}
