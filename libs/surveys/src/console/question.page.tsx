import type { QuestionView, SurveyView } from '@polity/contracts';
import { ConsoleNotice, ErrorSummary, type FieldError, Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import { QuestionFields } from './question-fields';
import type { QuestionDraft } from './question-form';
import { SURVEYS_CONSOLE } from './survey-nav';

interface QuestionPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  question: QuestionView;
  draft: QuestionDraft;
  errors: FieldError[];
  refusal?: ComponentChildren;
}

/** One question in its editor; a condition may name only the questions before it. */
export function QuestionPage({ t, siteName, web, survey, question, draft, errors, refusal }: QuestionPageProps) {
  const base = `${SURVEYS_CONSOLE}/${survey.id}`;
  const earlier = survey.questions.slice(
    0,
    survey.questions.findIndex((other) => other.key === question.key),
  );
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('sc.question.editTitle', { title: question.title })} section="staff">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t.t('sc.question.back')}
        </a>
      </p>
      <ConsoleNotice refusal={refusal} />
      <ErrorSummary t={t} errors={errors} />
      <PostForm web={web} action={`${base}/questions/${question.key}`}>
        <QuestionFields t={t} draft={draft} errors={errors} earlier={earlier} />
        <button class="polity-button" type="submit">
          {t.t('sc.question.save')}
        </button>
      </PostForm>
    </Layout>
  );
}
