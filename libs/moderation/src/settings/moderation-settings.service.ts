import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Principal, Problems, recordAudit, UnitOfWork } from '@polity/platform';
import { Repository } from 'typeorm';
import { ModerationPolicyEntity } from '../entities/moderation-policy.entity';
import { ModerationTemplateEntity } from '../entities/moderation-template.entity';
import type { ScreeningSettings } from '../screening/screening-settings';
import type { PolicyDto, ScreeningSettingsDto, TemplateDto, TemplateInputDto } from './moderation-settings.dto';
import { ScreeningSettingsStore } from './screening-settings.store';

/** The moderators' settings: screening rules, statement templates, pre-/post-moderation policies. */
@Injectable()
export class ModerationSettingsService {
  constructor(
    @InjectRepository(ModerationTemplateEntity) private readonly templates: Repository<ModerationTemplateEntity>,
    @InjectRepository(ModerationPolicyEntity) private readonly policies: Repository<ModerationPolicyEntity>,
    private readonly store: ScreeningSettingsStore,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  screening(): Promise<ScreeningSettings> {
    return this.store.current();
  }

  async replaceScreening(principal: Principal, input: ScreeningSettingsDto): Promise<ScreeningSettings> {
    await this.unitOfWork.run(async (tx) => {
      const before = await this.store.current(tx.manager);
      const after: ScreeningSettings = JSON.parse(JSON.stringify(input)) as ScreeningSettings;
      await this.store.replace(tx, after);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'moderation.screening_settings_replaced',
        target: { kind: 'moderation_settings' },
        before: { ...before },
        after: { ...after },
      });
    });
    return this.store.current();
  }

  async listTemplates(): Promise<TemplateDto[]> {
    const rows = await this.templates.find({ order: { key: 'ASC' } });
    return rows.map(templateView);
  }

  async putTemplate(principal: Principal, key: string, input: TemplateInputDto): Promise<TemplateDto> {
    if (input.key !== key) {
      throw Problems.unprocessable('key_mismatch', 'The body’s key must match the URL.', [
        { field: 'key', rule: 'matches_url', message: 'must equal the key in the URL' },
      ]);
    }
    const saved = await this.unitOfWork.run(async (tx) => {
      const before = await tx.manager.findOneBy(ModerationTemplateEntity, { key });
      await tx.manager.upsert(ModerationTemplateEntity, { key, title: input.title, body: input.body, reason: input.reason }, ['key']);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: before ? 'moderation.template_updated' : 'moderation.template_created',
        target: { kind: 'moderation_template', id: key },
        before: before ? { title: before.title, body: before.body, reason: before.reason } : null,
        after: { title: input.title, body: input.body, reason: input.reason },
      });
      return tx.manager.findOneByOrFail(ModerationTemplateEntity, { key });
    });
    return templateView(saved);
  }

  async deleteTemplate(principal: Principal, key: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const before = await tx.manager.findOneBy(ModerationTemplateEntity, { key });
      if (!before) throw Problems.notFound('That template');
      await tx.manager.delete(ModerationTemplateEntity, { key });
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'moderation.template_deleted',
        target: { kind: 'moderation_template', id: key },
        before: { title: before.title, body: before.body },
      });
    });
  }

  async listPolicies(): Promise<PolicyDto[]> {
    const rows = await this.policies.find({ order: { scope: 'ASC' } });
    return rows.map(({ scope, mode }) => ({ scope, mode }));
  }

  async setPolicy(principal: Principal, scope: string, mode: PolicyDto['mode']): Promise<PolicyDto> {
    await this.unitOfWork.run(async (tx) => {
      const before = await tx.manager.findOneBy(ModerationPolicyEntity, { scope });
      await tx.manager.upsert(ModerationPolicyEntity, { scope, mode }, ['scope']);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'moderation.policy_set',
        target: { kind: 'moderation_policy', id: scope },
        before: before ? { mode: before.mode } : null,
        after: { mode },
      });
    });
    return { scope, mode };
  }

  async clearPolicy(principal: Principal, scope: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      const before = await tx.manager.findOneBy(ModerationPolicyEntity, { scope });
      if (!before) throw Problems.notFound('A policy for that scope');
      await tx.manager.delete(ModerationPolicyEntity, { scope });
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'moderation.policy_cleared',
        target: { kind: 'moderation_policy', id: scope },
        before: { mode: before.mode },
      });
    });
  }
}

function templateView(row: ModerationTemplateEntity): TemplateDto {
  return { id: row.id, key: row.key, title: row.title, body: row.body, reason: row.reason, updatedAt: row.updatedAt.toISOString() };
}
