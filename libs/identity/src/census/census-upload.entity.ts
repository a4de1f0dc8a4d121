import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import type { CensusSecondary } from './census-entry.entity';

/** An audit record of one census upload: who, when, and what it changed. No resident data. */
@Entity('census_upload')
@Check('chk_census_upload_mode', `mode IN ('merge', 'replace')`)
@Check('chk_census_upload_secondary', `secondary IN ('birth_date', 'postcode')`)
export class CensusUploadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  uploadedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by_user_id' })
  uploadedBy?: UserEntity;

  @Column('text')
  mode: 'merge' | 'replace';

  @Column('text')
  secondary: CensusSecondary;

  @Column('integer')
  rows: number;

  @Column('integer')
  added: number;

  @Column('integer')
  removed: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
