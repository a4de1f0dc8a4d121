import type { SurveyView } from '@polity/contracts';
import { ErrorSummary, Layout, PostForm, TextField, type Translator, type WebRequest } from '@polity/web';
import { QuestionField } from './question-field';
import type { SurveyPageOfQuestions } from './survey-form';

export interface SurveyAnswerPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  page: SurveyPageOfQuestions;
  /** Its index among all pages, and its place among the pages shown to this resident. */
  index: number;
  position: number;
  count: number;
  /** Every answer so far, carried from page to page. */
  answers: Record<string, unknown>;
  /** The questions shown for the answers so far. */
  shown: ReadonlySet<string>;
  errors: ReadonlyMap<string, string>;
  receipt: string | null;
  /** Anonymous and editable: ask for the receipt to change answers already sent. */
  askReceipt: boolean;
  receiptError?: string;
}

/**
 * One page of a survey. Questions whose condition depends on an answer on this same page are there
 * but hidden until it holds: the live client shows them as the resident answers, and without
 * JavaScript the next step asks them. Answers from other pages travel in a hidden field.
 */
export function SurveyAnswerPage(props: SurveyAnswerPageProps) {
  const { t, siteName, web, survey, page, answers, shown, errors } = props;
  const onPage = new Set(page.questions.map((question) => question.key));
  const last = props.position === props.count;
  const summary = page.questions
    .filter((question) => errors.has(question.key))
    .map((question) => ({ field: `q-${question.key}`, message: `${question.title}: ${errors.get(question.key)}` }));
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('surveys.answer.title', { survey: survey.title })} section="surveys">
      <ErrorSummary t={t} errors={summary} />
      {props.askReceipt && (
        <PostForm web={web} action={`/surveys/${survey.id}/receipt`} class="polity-filters">
          <p class="polity-field__hint">{t.t('surveys.answer.receiptHint')}</p>
          <TextField name="receipt" label={t.t('surveys.answer.receipt')} error={props.receiptError} autocomplete="off" />
          <button class="polity-button polity-button--secondary" type="submit">
            {t.t('surveys.answer.receiptLoad')}
          </button>
        </PostForm>
      )}
      <p class="polity-meta">{t.t('surveys.answer.page', { page: props.position, pages: props.count })}</p>
      {page.section && (
        <>
          <h2 class="utrecht-heading-2">{page.section.title}</h2>
          {page.section.description && <p class="utrecht-paragraph">{page.section.description}</p>}
        </>
      )}
      <PostForm web={web} action={`/surveys/${survey.id}/answer`} class="polity-survey">
        <input type="hidden" name="answers" value={JSON.stringify(answers)} />
        <input type="hidden" name="page" value={String(props.index)} />
        <input type="hidden" name="shown" value={[...shown].filter((key) => onPage.has(key)).join(',')} />
        {props.receipt && <input type="hidden" name="receipt" value={props.receipt} />}
        {page.questions.map((question) => {
          const visible = shown.has(question.key);
          const dependsHere = question.condition !== null && onPage.has(question.condition.question);
          if (!visible && !dependsHere) return null;
          return (
            <div
              key={question.key}
              hidden={!visible || undefined}
              data-question={question.key}
              data-condition={dependsHere ? JSON.stringify(question.condition) : undefined}
            >
              <QuestionField t={t} question={question} answer={answers[question.key]} error={errors.get(question.key)} />
            </div>
          );
        })}
        <div class="polity-actions">
          {/* Next first: pressing Enter in a field sends the form with its first button. */}
          <button class="polity-button" type="submit" name="step" value={last ? 'send' : 'next'}>
            {t.t(last ? 'surveys.answer.send' : 'surveys.answer.next')}
          </button>
          {props.position > 1 && (
            <button class="polity-button polity-button--secondary" type="submit" name="step" value="back">
              {t.t('surveys.answer.back')}
            </button>
          )}
        </div>
      </PostForm>
    </Layout>
  );
}
