import type { ThreadView } from '@polity/contracts';
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

export const THREADS_CONSOLE = '/staff/threads';

interface ThreadsConsolePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  threads: ThreadView[];
  draft: Record<string, string>;
  errors: FieldError[];
  refusal?: ComponentChildren;
}

/** Every thread with its stage and size, each opening its facilitation page, and the form that opens a new one. */
export function ThreadsConsolePage({ t, siteName, web, threads, draft, errors, refusal }: ThreadsConsolePageProps) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('tc.list.title')} section="staff">
      <ConsoleNotice refusal={refusal} />
      <ErrorSummary t={t} errors={errors} />
      {threads.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('tc.list.none')}</p>
      ) : (
        <ul class="polity-list">
          {threads.map((thread) => (
            <li key={thread.id}>
              <a class="utrecht-link" href={`${THREADS_CONSOLE}/${thread.id}`}>
                {t.t('tc.list.open', { title: thread.title })}
              </a>
              <p class="polity-meta">
                <strong>{t.t(`tc.status.${thread.status}`)}</strong>
                <span>
                  {t.t('tc.list.meta', {
                    service: thread.serviceName,
                    department: thread.department,
                    stage: thread.currentStage,
                    count: thread.postCount,
                  })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <details class="polity-disclosure" open={errors.length > 0 || refusal !== undefined}>
        <summary>{t.t('tc.create.title')}</summary>
        <PostForm web={web} action={THREADS_CONSOLE}>
          <TextField name="title" label={t.t('tc.field.title')} value={draft.title} error={error('title')} />
          <TextField name="serviceName" label={t.t('tc.field.serviceName')} value={draft.serviceName} error={error('serviceName')} />
          <TextField name="department" label={t.t('tc.field.department')} value={draft.department} error={error('department')} />
          <TextAreaField
            name="description"
            label={t.t('tc.field.description')}
            rows={5}
            value={draft.description}
            error={error('description')}
          />
          <TextAreaField name="stages" label={t.t('tc.field.stages')} rows={4} value={draft.stages} error={error('stages')} />
          <TextAreaField name="links" label={t.t('tc.field.links')} rows={3} value={draft.links} error={error('links')} />
          <button class="polity-button" type="submit">
            {t.t('tc.create.submit')}
          </button>
        </PostForm>
      </details>
    </Layout>
  );
}
