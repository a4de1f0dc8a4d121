import { QueueName } from '@polity/contracts';
import { INSPECTABLE_STATES, type InspectableState, type JobView } from '@polity/queue';
import { ConsoleNotice, Layout, PostForm, SelectField, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import { ADMIN_CONSOLE, AdminNav } from './admin-nav';

interface JobsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  queue: QueueName;
  state: InspectableState;
  counts: Record<string, number>;
  jobs: JobView[];
  nextCursor: string | null;
  news?: string;
  refusal?: ComponentChildren;
}

/** The jobs of one queue in one state (failed first), how many each state holds, and retrying a failed one. */
export function JobsPage({ t, siteName, web, queue, state, counts, jobs, nextCursor, news, refusal }: JobsPageProps) {
  const base = `${ADMIN_CONSOLE}/jobs`;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('ac.jobs.title')} section="staff">
      <AdminNav t={t} current="jobs" />
      <ConsoleNotice news={news} refusal={refusal} />
      <form method="get" action={base} class="polity-filters">
        <SelectField
          name="queue"
          label={t.t('ac.jobs.queue')}
          value={queue}
          options={Object.values(QueueName).map((value) => ({ value, label: value }))}
        />
        <SelectField
          name="state"
          label={t.t('ac.jobs.state')}
          value={state}
          options={INSPECTABLE_STATES.map((value) => ({ value, label: t.t(`ac.state.${value}`) }))}
        />
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('ac.jobs.submit')}
        </button>
      </form>
      <h2 class="utrecht-heading-2">{t.t('ac.jobs.counts')}</h2>
      <dl class="polity-facts">
        {INSPECTABLE_STATES.map((value) => (
          <div key={value}>
            <dt>{t.t(`ac.state.${value}`)}</dt>
            <dd>{t.number(counts[value] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {jobs.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('ac.jobs.none')}</p>
      ) : (
        <div class="polity-table-scroll">
          <table class="polity-table">
            <thead>
              <tr>
                <th scope="col">{t.t('ac.jobs.name')}</th>
                <th scope="col">{t.t('ac.jobs.created')}</th>
                <th scope="col">{t.t('ac.jobs.attempts')}</th>
                <th scope="col">{t.t('ac.jobs.reason')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <code>{job.name}</code> <span class="polity-meta">#{job.id}</span>
                  </th>
                  <td>{t.date(job.createdAt)}</td>
                  <td>{job.attemptsMade}</td>
                  <td lang="en">{job.failedReason}</td>
                  <td>
                    {state === 'failed' && job.id && (
                      <PostForm web={web} action={`${base}/${queue}/${encodeURIComponent(job.id)}/retry`}>
                        <button class="polity-button polity-button--secondary" type="submit">
                          {t.t('ac.jobs.retry', { id: job.id })}
                        </button>
                      </PostForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}?${new URLSearchParams({ queue, state, cursor: nextCursor }).toString()}`}>
            {t.t('ac.jobs.more')}
          </a>
        </p>
      )}
    </Layout>
  );
}
