import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Transaction } from '@polity/platform';
import { EntityManager, Repository } from 'typeorm';
import { ModerationSettingsEntity } from '../entities/moderation-settings.entity';
import { DEFAULT_SCREENING_SETTINGS, ScreeningSettings } from '../screening/screening-settings';

/** Reads and writes the single row of screening settings, falling back to the defaults. */
@Injectable()
export class ScreeningSettingsStore {
  constructor(@InjectRepository(ModerationSettingsEntity) private readonly settings: Repository<ModerationSettingsEntity>) {}

  async current(manager: EntityManager = this.settings.manager): Promise<ScreeningSettings> {
    const row = await manager.findOneBy(ModerationSettingsEntity, { id: 1 });
    return row ? { ...DEFAULT_SCREENING_SETTINGS, ...row.screening } : DEFAULT_SCREENING_SETTINGS;
  }

  async replace(tx: Transaction, screening: ScreeningSettings): Promise<void> {
    await tx.manager.upsert(ModerationSettingsEntity, { id: 1, screening }, ['id']);
  }
}
