import type { SurveyView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';
import { QuestionField } from '../pages/question-field';
import { conditionText } from './question-form';
import { SurveyNav } from './survey-nav';

/** The survey as residents will meet it, every page at once, with each condition said in words; a form that sends nothing. */
export function SurveyPreviewPage({ t, siteName, web, survey }: { t: Translator; siteName: string; web: WebRequest; survey: SurveyView }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('sc.preview.title', { title: survey.title })} section="staff">
      <SurveyNav t={t} survey={survey} current="preview" />
      <p class="utrecht-paragraph">{t.t('sc.preview.intro')}</p>
      {survey.description && <p class="utrecht-paragraph polity-body">{survey.description}</p>}
      <form aria-label={t.t('sc.nav.preview')}>
        {survey.questions.map((question) => {
          const condition = conditionText(t, question, survey.questions);
          return (
            <div key={question.key}>
              {question.type === 'section' ? (
                <h2 class="utrecht-heading-2">{question.title}</h2>
              ) : (
                <QuestionField t={t} question={question} answer={undefined} error={undefined} />
              )}
              {condition && <p class="polity-field__hint">{t.t('sc.preview.condition', { condition })}</p>}
            </div>
          );
        })}
      </form>
    </Layout>
  );
}
