import type { SurveyView } from '@polity/contracts';
import {
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import { SURVEYS_CONSOLE } from './survey-nav';

interface SurveysConsolePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  surveys: SurveyView[];
  draft: Record<string, string>;
  errors: FieldError[];
  refusal?: ComponentChildren;
}

/** Every survey (drafts too) with its phase and version, and the form that starts one. */
export function SurveysConsolePage({ t, siteName, web, surveys, draft, errors, refusal }: SurveysConsolePageProps) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('sc.list.title')} section="staff">
      <ConsoleNotice refusal={refusal} />
      <ErrorSummary t={t} errors={errors} />
      {surveys.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('sc.list.none')}</p>
      ) : (
        <ul class="polity-list">
          {surveys.map((survey) => (
            <li key={survey.id}>
              <a class="utrecht-link" href={`${SURVEYS_CONSOLE}/${survey.id}`}>
                {t.t('sc.list.open', { title: survey.title })}
              </a>
              <p class="polity-meta">
                <strong>{t.t(`sc.phase.${survey.phase}`)}</strong>
                <span>
                  {t.t('sc.list.meta', { version: survey.version, count: survey.questions.filter((q) => q.type !== 'section').length })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <details class="polity-disclosure" open={errors.length > 0 || refusal !== undefined}>
        <summary>{t.t('sc.create.title')}</summary>
        <PostForm web={web} action={SURVEYS_CONSOLE}>
          <TextField name="title" label={t.t('sc.field.title')} value={draft.title} error={error('title')} />
          <TextAreaField
            name="description"
            label={t.t('sc.field.description')}
            rows={4}
            value={draft.description}
            error={error('description')}
          />
          <button class="polity-button" type="submit">
            {t.t('sc.create.submit')}
          </button>
        </PostForm>
      </details>
    </Layout>
  );
}
