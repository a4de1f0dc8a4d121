import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ScreeningSettings } from '../screening/screening-settings';

/** The one row of screening settings; absent until someone changes the defaults. */
@Entity('moderation_settings')
@Check('chk_moderation_settings_single', 'id = 1')
export class ModerationSettingsEntity {
  @PrimaryColumn('smallint')
  id: number;

  @Column('jsonb')
  screening: ScreeningSettings;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
