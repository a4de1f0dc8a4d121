import type { SurveyView } from '@polity/contracts';
import { FollowForm, Layout, type LiveConfig, signInPath, type Translator, type WebRequest } from '@polity/web';

/** Whether the reader may answer, and whether they have. */
export type RespondentStanding =
  { state: 'signed_out' } | { state: 'verify' } | { state: 'not_for_you' } | { state: 'may_answer'; responded: boolean; editable: boolean };

export interface SurveyPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  standing: RespondentStanding;
  resultsPublic: boolean;
  following: boolean;
  live: LiveConfig;
}

/** What a survey asks and of whom, until when, how answers are kept, and how to answer or see the results. */
export function SurveyPage({ t, siteName, web, survey, standing, resultsPublic, following, live }: SurveyPageProps) {
  const questions = survey.questions.filter((question) => question.type !== 'section').length;
  return (
    <Layout t={t} siteName={siteName} web={web} title={survey.title} section="surveys" live={live}>
      <div data-live-part="phase" data-live-quiet>
        <p class="polity-meta">
          <span>{phaseText(t, survey)}</span>
          <span>{t.t('surveys.questions', { count: questions })}</span>
        </p>
        {survey.phase === 'open' && (
          <p class="polity-deadline">{t.t('surveys.closesIn', { relative: t.relative(survey.closesAt), date: t.date(survey.closesAt) })}</p>
        )}
      </div>
      {survey.description && <p class="utrecht-paragraph polity-body">{survey.description}</p>}
      <ul class="polity-rules">
        <li>{t.t(`surveys.audience.${survey.audience}`, { district: survey.district ?? '' })}</li>
        <li>{t.t(survey.anonymous ? 'surveys.anonymous' : 'surveys.named')}</li>
        {survey.anonymous && survey.responseMode === 'editable' && <li>{t.t('surveys.anonymous.receipt')}</li>}
        <li>{t.t(`surveys.mode.${survey.responseMode}`)}</li>
        <li>{t.t(`surveys.results.visibility.${survey.resultsVisibility}`)}</li>
      </ul>
      <div class="polity-actions">
        <Action t={t} survey={survey} standing={standing} />
        {resultsPublic && (
          <a class="utrecht-link" href={`/surveys/${survey.id}/results`}>
            {t.t('surveys.resultsLink')}
          </a>
        )}
      </div>
      <FollowForm t={t} web={web} kind="surveys" id={survey.id} following={following} label={t.t('surveys.follow')} />
    </Layout>
  );
}

export function phaseText(t: Translator, survey: SurveyView): string {
  if (survey.phase === 'upcoming') return t.t('surveys.phase.upcoming', { date: t.date(survey.opensAt) });
  if (survey.phase === 'open') return t.t('surveys.phase.open', { date: t.date(survey.closesAt) });
  if (survey.phase === 'closed') return t.t('surveys.phase.closed', { date: t.date(survey.closesAt) });
  return t.t('surveys.phase.draft');
}

function Action({ t, survey, standing }: { t: Translator; survey: SurveyView; standing: RespondentStanding }) {
  const answer = `/surveys/${survey.id}/answer`;
  if (survey.phase !== 'open') return <p class="utrecht-paragraph">{t.t('surveys.notOpen')}</p>;
  switch (standing.state) {
    case 'signed_out':
      return (
        <a class="polity-button" href={signInPath(answer)}>
          {t.t('surveys.signIn')}
        </a>
      );
    case 'verify':
      return (
        <p class="utrecht-paragraph">
          {t.t('surveys.audience.verified')}{' '}
          <a class="utrecht-link" href="/account#resident-title">
            {t.t('surveys.verify')}
          </a>
        </p>
      );
    case 'not_for_you':
      return <p class="utrecht-paragraph">{t.t('surveys.notForYou')}</p>;
    case 'may_answer':
      return (
        <>
          {standing.responded && <p class="utrecht-paragraph">{t.t('surveys.answered')}</p>}
          {(!standing.responded || standing.editable) && (
            <a class="polity-button" href={answer}>
              {t.t(standing.responded ? 'surveys.change' : 'surveys.start')}
            </a>
          )}
        </>
      );
  }
}
