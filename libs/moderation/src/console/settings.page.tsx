import { MODERATION_MODES, REPORT_REASONS } from '@polity/contracts';
import {
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  SelectField,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import type { PolicyDto, TemplateDto } from '../settings/moderation-settings.dto';
import { ModerationNav } from './moderation-nav';
import { type ScreeningDraft, ScreeningFields } from './screening-form';

export const SETTINGS_PATH = '/staff/moderation/settings';

export interface TemplateDraft {
  key: string;
  title: string;
  reason: string;
  body: string;
}

interface SettingsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  templates: TemplateDto[];
  policies: PolicyDto[];
  templateDraft?: TemplateDraft;
  policyDraft?: { scope: string; mode: string };
  screening: ScreeningDraft;
  /** Problems of the screening form, kept apart: its fields are many. */
  screeningErrors: FieldError[];
  errors: FieldError[];
  news?: string;
  refusal?: ComponentChildren;
}

/** The statements moderators choose from, and where contributions are held before publication. */
export function SettingsPage(props: SettingsPageProps) {
  const { t, siteName, web, templates, policies, templateDraft, policyDraft, errors, news, refusal } = props;
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  const reasons = [...REPORT_REASONS, 'screening'].map((reason) => ({ value: reason, label: t.t(`modc.reason.${reason}`) }));
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('modc.settings.title')} section="staff">
      <ModerationNav t={t} current={SETTINGS_PATH} />
      <ConsoleNotice news={news} refusal={refusal} />
      <ErrorSummary t={t} errors={[...errors, ...props.screeningErrors]} />
      <h2 class="utrecht-heading-2">{t.t('modc.templates.title')}</h2>
      {templates.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('modc.templates.empty')}</p>
      ) : (
        <div class="polity-table-scroll">
          <table class="polity-table">
            <thead>
              <tr>
                <th scope="col">{t.t('modc.templates.key')}</th>
                <th scope="col">{t.t('modc.templates.name')}</th>
                <th scope="col">{t.t('modc.templates.reason')}</th>
                <th scope="col">{t.t('modc.templates.body')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={template.key}>
                  <th scope="row">
                    <code>{template.key}</code>
                  </th>
                  <td>{template.title}</td>
                  <td>{t.t(`modc.reason.${template.reason}`)}</td>
                  <td>{template.body}</td>
                  <td>
                    <PostForm web={web} action={`${SETTINGS_PATH}/templates/${template.key}/delete`}>
                      <button class="polity-button polity-button--secondary" type="submit">
                        {t.t('modc.templates.delete', { key: template.key })}
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 class="utrecht-heading-3">{t.t('modc.templates.add')}</h3>
      <PostForm web={web} action={`${SETTINGS_PATH}/templates`}>
        <TextField name="key" label={t.t('modc.templates.key')} value={templateDraft?.key} error={error('key')} />
        <TextField name="title" label={t.t('modc.templates.name')} value={templateDraft?.title} error={error('title')} />
        <SelectField
          name="reason"
          label={t.t('modc.templates.reason')}
          value={templateDraft?.reason}
          options={reasons}
          error={error('reason')}
        />
        <TextAreaField name="body" label={t.t('modc.templates.body')} value={templateDraft?.body} rows={3} error={error('body')} />
        <button class="polity-button" type="submit">
          {t.t('modc.templates.save')}
        </button>
      </PostForm>
      <h2 class="utrecht-heading-2">{t.t('modc.policies.title')}</h2>
      <p class="utrecht-paragraph">{t.t('modc.policies.intro')}</p>
      {policies.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('modc.policies.empty')}</p>
      ) : (
        <ul class="polity-list">
          {policies.map((policy) => (
            <li key={policy.scope} class="polity-actions">
              <span>
                <code>{policy.scope}</code>: {t.t(`modc.policies.mode.${policy.mode}`)}
              </span>
              <PostForm web={web} action={`${SETTINGS_PATH}/policies/clear`}>
                <input type="hidden" name="scope" value={policy.scope} />
                <button class="polity-button polity-button--secondary" type="submit">
                  {t.t('modc.policies.clear', { scope: policy.scope })}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <PostForm web={web} action={`${SETTINGS_PATH}/policies`}>
        <TextField
          name="scope"
          label={`${t.t('modc.policies.scope')} (${t.t('modc.policies.scopeHint')})`}
          value={policyDraft?.scope}
          error={error('scope')}
        />
        <SelectField
          name="mode"
          label={t.t('modc.policies.mode')}
          value={policyDraft?.mode}
          options={MODERATION_MODES.map((mode) => ({ value: mode, label: t.t(`modc.policies.mode.${mode}`) }))}
        />
        <button class="polity-button" type="submit">
          {t.t('modc.policies.save')}
        </button>
      </PostForm>
      <h2 class="utrecht-heading-2">{t.t('modc.screening.title')}</h2>
      <p class="utrecht-paragraph">{t.t('modc.screening.intro')}</p>
      <details class="polity-disclosure" open={props.screeningErrors.length > 0}>
        <summary>{t.t('modc.screening.save')}</summary>
        <PostForm web={web} action={`${SETTINGS_PATH}/screening`}>
          <ScreeningFields t={t} draft={props.screening} errors={props.screeningErrors} />
          <button class="polity-button" type="submit">
            {t.t('modc.screening.save')}
          </button>
        </PostForm>
      </details>
    </Layout>
  );
}
