import type { QuestionResultView, SurveyResultsView, SurveyView } from '@polity/contracts';
import { BarChart, type ChartRow, Layout, type LiveConfig, type Translator, type WebRequest } from '@polity/web';

export interface SurveyResultsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  results: SurveyResultsView | null;
  /** Shown to staff before (or without) the public seeing them: the page says so. */
  staffOnly?: boolean;
  live: LiveConfig;
}

/** A survey's results: a chart per question with its table, each matrix row its own, suppressed groups said as such. */
export function SurveyResultsPage({ t, siteName, web, survey, results, live, staffOnly = false }: SurveyResultsPageProps) {
  return (
    <Layout
      t={t}
      siteName={siteName}
      web={web}
      title={t.t('surveys.results.title', { survey: survey.title })}
      section="surveys"
      live={live}
    >
      {staffOnly && <p class="polity-notice">{t.t('surveys.results.staffOnly')}</p>}
      <div data-live-part="results" data-announce={t.t('surveys.results.announce')}>
        {!results ? (
          <p class="utrecht-paragraph">{t.t('surveys.results.hidden')}</p>
        ) : results.suppressed ? (
          <p class="polity-notice">{t.t('surveys.results.suppressed', { min: results.minGroupSize })}</p>
        ) : (
          <>
            <p class="utrecht-paragraph utrecht-paragraph--lead">
              {t.t('surveys.results.respondents', { count: results.respondents ?? 0 })}
            </p>
            {results.questions.map((question) => (
              <QuestionResult key={question.key} t={t} question={question} />
            ))}
          </>
        )}
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/surveys/${survey.id}`}>
          {t.t('surveys.results.back')}
        </a>
      </p>
    </Layout>
  );
}

const percent = (t: Translator, share: number): string =>
  new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);

function QuestionResult({ t, question }: { t: Translator; question: QuestionResultView }) {
  const id = `result-${question.key}`;
  const people = { label: t.t('surveys.results.option'), value: t.t('surveys.results.people') };
  const optionRows = (options: { label: string; count: number; share: number }[]): ChartRow[] =>
    options.map((option) => ({
      label: option.label,
      value: option.count,
      shown: t.t('surveys.results.count', { count: option.count, share: percent(t, option.share) }),
    }));
  return (
    <section aria-labelledby={`${id}-title`} class="polity-result">
      <h2 class="utrecht-heading-2" id={`${id}-title`}>
        {question.title}
      </h2>
      <p class="polity-meta">{t.t('surveys.results.answered', { count: question.answered })}</p>
      {question.options && !question.rows && (
        <BarChart
          t={t}
          id={id}
          title={question.title}
          rows={[
            ...optionRows(question.options),
            ...(question.other !== undefined && question.other > 0
              ? [
                  {
                    label: t.t('surveys.results.other'),
                    value: question.other,
                    shown: t.t('surveys.results.count', {
                      count: question.other,
                      share: percent(t, question.answered ? question.other / question.answered : 0),
                    }),
                  },
                ]
              : []),
          ]}
          headings={people}
        />
      )}
      {question.distribution && (
        <>
          {question.mean !== null && question.mean !== undefined && (
            <p class="utrecht-paragraph">
              {t.t('surveys.results.mean', { mean: t.number(Math.round(question.mean * 10) / 10), median: t.number(question.median ?? 0) })}
            </p>
          )}
          <BarChart
            t={t}
            id={id}
            title={question.title}
            rows={question.distribution.map((bucket) => ({
              label: t.number(bucket.value),
              value: bucket.count,
              shown: t.t('surveys.results.count', {
                count: bucket.count,
                share: percent(t, question.answered ? bucket.count / question.answered : 0),
              }),
            }))}
            headings={{ label: t.t('surveys.results.value'), value: t.t('surveys.results.people') }}
          />
        </>
      )}
      {question.ranking && (
        <>
          <p class="utrecht-paragraph">{t.t('surveys.results.bordaNote')}</p>
          <BarChart
            t={t}
            id={id}
            title={question.title}
            rows={question.ranking.map((option) => ({
              label: option.label,
              value: option.borda,
              shown: t.t('surveys.results.bordaPoints', { count: option.borda }),
            }))}
            headings={{ label: t.t('surveys.results.option'), value: t.t('surveys.results.borda') }}
          />
        </>
      )}
      {question.rows?.map((row) => (
        <BarChart
          key={row.key}
          t={t}
          id={`${id}-${row.key}`}
          title={t.t('surveys.results.row', { question: question.title, row: row.label })}
          rows={optionRows(row.columns)}
          headings={people}
        />
      ))}
      {question.texts && question.texts.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t.t('surveys.results.texts')}</h3>
          <ul>
            {question.texts.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
