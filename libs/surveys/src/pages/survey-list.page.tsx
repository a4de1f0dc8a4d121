import type { SurveyView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';
import { phaseText } from './survey.page';

/** Surveys open now first, then those to come, then those closed. */
export function SurveyListPage({ t, siteName, web, surveys }: { t: Translator; siteName: string; web: WebRequest; surveys: SurveyView[] }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('surveys.list.title')} section="surveys">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('surveys.list.intro')}</p>
      {surveys.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('surveys.list.empty')}</p>
      ) : (
        <ul class="polity-list">
          {surveys.map((survey) => (
            <li key={survey.id}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/surveys/${survey.id}`}>
                  {survey.title}
                </a>
              </h2>
              <p class="polity-meta">
                <span>{phaseText(t, survey)}</span>
                {survey.audience === 'verified' && <span>{t.t('surveys.home.residents')}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
