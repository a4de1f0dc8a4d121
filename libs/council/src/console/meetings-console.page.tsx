import type { MeetingSummaryView } from '@polity/contracts';
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
import type { Draft } from './council-forms';

export const MEETINGS_CONSOLE = '/staff/meetings';

interface MeetingsConsolePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  current: MeetingSummaryView[];
  past: MeetingSummaryView[];
  draft: Draft;
  errors: FieldError[];
  news?: string;
  refusal?: ComponentChildren;
}

function MeetingList({ t, meetings }: { t: Translator; meetings: MeetingSummaryView[] }) {
  if (meetings.length === 0) return <p class="utrecht-paragraph">{t.t('cc.list.none')}</p>;
  return (
    <ul class="polity-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <a class="utrecht-link" href={`${MEETINGS_CONSOLE}/${meeting.id}`}>
            {t.t('cc.list.run', { title: meeting.title })}
          </a>
          <p class="polity-meta">
            <span>{meeting.body}</span>
            <span>{t.t('cc.when', { date: t.date(meeting.scheduledAt), place: meeting.place })}</span>
            <strong>{t.t(`cc.status.${meeting.status}`)}</strong>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The clerks' list of meetings, each opening its console, and the form to schedule one. */
export function MeetingsConsolePage({ t, siteName, web, current, past, draft, errors, news, refusal }: MeetingsConsolePageProps) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('cc.list.title')} section="staff">
      <ConsoleNotice news={news} refusal={refusal} />
      <ErrorSummary t={t} errors={errors} />
      <div class="polity-console-columns">
        <div>
          <h2 class="utrecht-heading-2">{t.t('cc.list.current')}</h2>
          <MeetingList t={t} meetings={current} />
          <h2 class="utrecht-heading-2">{t.t('cc.list.past')}</h2>
          <MeetingList t={t} meetings={past} />
        </div>
        <section aria-labelledby="schedule-title">
          <h2 class="utrecht-heading-2" id="schedule-title">
            {t.t('cc.schedule.title')}
          </h2>
          <PostForm web={web} action={MEETINGS_CONSOLE}>
            <TextField name="body" label={t.t('cc.field.body')} value={draft.body} error={error('body')} />
            <TextField name="title" label={t.t('cc.field.title')} value={draft.title} error={error('title')} />
            <TextField name="place" label={t.t('cc.field.place')} value={draft.place} error={error('place')} />
            <TextField
              name="scheduledAt"
              type="datetime-local"
              label={t.t('cc.field.scheduledAt', { zone: web.timeZone })}
              value={draft.scheduledAt}
              error={error('scheduledAt')}
            />
            <TextField name="endsAt" type="datetime-local" label={t.t('cc.field.endsAt')} value={draft.endsAt} error={error('endsAt')} />
            <TextField
              name="streamUrl"
              type="url"
              label={t.t('cc.field.streamUrl')}
              hint={t.t('cc.field.streamHint')}
              value={draft.streamUrl}
              error={error('streamUrl')}
            />
            <TextAreaField
              name="description"
              label={t.t('cc.field.description')}
              rows={4}
              value={draft.description}
              error={error('description')}
            />
            <button class="polity-button" type="submit">
              {t.t('cc.schedule.submit')}
            </button>
          </PostForm>
        </section>
      </div>
    </Layout>
  );
}
