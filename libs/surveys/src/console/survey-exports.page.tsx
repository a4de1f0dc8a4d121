import type { SurveyExportView, SurveyView } from '@polity/contracts';
import { ConsoleNotice, Layout, type LiveConfig, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import { SurveyNav, SURVEYS_CONSOLE } from './survey-nav';

interface SurveyExportsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  exports: SurveyExportView[];
  live: LiveConfig;
  news?: string;
  refusal?: ComponentChildren;
}

/** The answers as CSV now, or built in the background with its progress followed live, and the built files. */
export function SurveyExportsPage({ t, siteName, web, survey, exports, live, news, refusal }: SurveyExportsPageProps) {
  const base = `${SURVEYS_CONSOLE}/${survey.id}`;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('sc.exports.title', { title: survey.title })} section="staff" live={live}>
      <SurveyNav t={t} survey={survey} current="exports" />
      <ConsoleNotice news={news} refusal={refusal} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/responses.csv`} download>
          {t.t('sc.exports.csv')}
        </a>
      </p>
      <p class="polity-field__hint">{t.t('sc.exports.csvHelp')}</p>
      <PostForm web={web} action={`${base}/exports`}>
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('sc.exports.request')}
        </button>
      </PostForm>
      <div data-live-part="exports" data-announce={exports[0] ? t.t(`sc.exports.status.${exports[0].status}`) : undefined}>
        {exports.length === 0 ? (
          <p class="utrecht-paragraph">{t.t('sc.exports.none')}</p>
        ) : (
          <ul class="polity-list">
            {exports.map((item) => (
              <li key={item.id}>
                {item.status === 'done' ? (
                  <a class="utrecht-link" href={`${base}/exports/${item.id}/download`}>
                    {t.t('sc.exports.download', { when: t.date(item.createdAt) })}
                  </a>
                ) : (
                  t.t('sc.exports.item', { when: t.date(item.createdAt), status: t.t(`sc.exports.status.${item.status}`) })
                )}
                {item.total !== null && (
                  <span class="polity-meta"> · {t.t('sc.exports.progress', { rows: item.rows, total: item.total })}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}
