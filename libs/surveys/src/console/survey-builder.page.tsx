import { RESPONSE_MODES, RESULTS_VISIBILITIES, SURVEY_AUDIENCES, type SurveyView } from '@polity/contracts';
import {
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  RadioField,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
  StepButton,
  CheckboxField,
  MoveButtons,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import { QuestionFields } from './question-fields';
import { conditionText, type QuestionDraft } from './question-form';
import { SurveyNav, SURVEYS_CONSOLE } from './survey-nav';

export interface BuilderState {
  /** Which form came back with problems: `settings` or `question`. */
  form?: string;
  draft?: Record<string, string>;
  errors: FieldError[];
  news?: string;
  refusal?: ComponentChildren;
}

interface SurveyBuilderPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  settings: Record<string, string>;
  newQuestion: QuestionDraft;
  state: BuilderState;
}

/** A survey as an official builds it: publishing, the questions in order (move, edit, delete), a new question, the settings. */
export function SurveyBuilderPage({ t, siteName, web, survey, settings, newQuestion, state }: SurveyBuilderPageProps) {
  const base = `${SURVEYS_CONSOLE}/${survey.id}`;
  const sent = (form: string) => (state.form === form ? state : undefined);
  const draft = sent('settings')?.draft ?? settings;
  const error = (field: string) => sent('settings')?.errors.find((problem) => problem.field === field)?.message;
  const editable = !survey.locked && survey.phase !== 'closed';
  return (
    <Layout t={t} siteName={siteName} web={web} title={survey.title} section="staff">
      <SurveyNav t={t} survey={survey} current="builder" />
      <ConsoleNotice news={state.news} refusal={state.refusal} />
      <ErrorSummary t={t} errors={state.errors} />
      <section aria-labelledby="state-title">
        <h2 class="utrecht-heading-2" id="state-title">
          {t.t('sc.state.title')}
        </h2>
        <p class="utrecht-paragraph">{t.t('sc.state.now', { phase: t.t(`sc.phase.${survey.phase}`), version: survey.version })}</p>
        {survey.locked && <p class="utrecht-paragraph">{t.t('sc.state.locked')}</p>}
        <div class="polity-actions">
          {survey.phase === 'draft' && <StepButton web={web} action={`${base}/publish`} label={t.t('sc.publish')} />}
          {(survey.phase === 'open' || survey.phase === 'upcoming') && (
            <StepButton web={web} action={`${base}/close`} label={t.t('sc.close')} secondary />
          )}
          {survey.phase !== 'draft' && <StepButton web={web} action={`${base}/versions`} label={t.t('sc.newVersion')} secondary />}
        </div>
      </section>
      <section aria-labelledby="questions-title">
        <h2 class="utrecht-heading-2" id="questions-title">
          {t.t('sc.questions.title')}
        </h2>
        {survey.questions.length === 0 ? (
          <p class="utrecht-paragraph">{t.t('sc.questions.none')}</p>
        ) : (
          <ol class="polity-console-list">
            {survey.questions.map((question, index) => {
              const condition = conditionText(t, question, survey.questions);
              return (
                <li key={question.key} class={`polity-console-card${question.type === 'section' ? ' polity-console-card--section' : ''}`}>
                  <h3 class="utrecht-heading-3">{question.title}</h3>
                  <p class="polity-meta">
                    <span>{t.t('sc.question.meta', { type: t.t(`sc.type.${question.type}`), key: question.key })}</span>
                    {question.required && <span>{t.t('sc.question.required')}</span>}
                    {condition && <span>{t.t('sc.question.when', { condition })}</span>}
                  </p>
                  {editable && (
                    <div class="polity-actions">
                      <MoveButtons
                        web={web}
                        path={`${base}/questions/${question.key}`}
                        index={index}
                        count={survey.questions.length}
                        up={t.t('sc.question.up', { title: question.title })}
                        down={t.t('sc.question.down', { title: question.title })}
                      />
                      <a class="utrecht-link" href={`${base}/questions/${question.key}`}>
                        {t.t('sc.question.edit', { title: question.title })}
                      </a>
                      <StepButton
                        web={web}
                        action={`${base}/questions/${question.key}/delete`}
                        label={t.t('sc.question.delete', { title: question.title })}
                        secondary
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {editable && (
          <details class="polity-disclosure" open={sent('question') !== undefined}>
            <summary>{t.t('sc.question.add')}</summary>
            <PostForm web={web} action={`${base}/questions`}>
              <QuestionFields
                t={t}
                draft={sent('question')?.draft ?? newQuestion}
                errors={sent('question')?.errors ?? []}
                earlier={survey.questions}
              />
              <button class="polity-button" type="submit">
                {t.t('sc.question.save')}
              </button>
            </PostForm>
          </details>
        )}
      </section>
      <section aria-labelledby="settings-title">
        <h2 class="utrecht-heading-2" id="settings-title">
          {t.t('sc.settings.title')}
        </h2>
        <details class="polity-disclosure" open={sent('settings') !== undefined}>
          <summary>{t.t('sc.settings.change')}</summary>
          <PostForm web={web} action={`${base}/settings`}>
            <TextField name="title" label={t.t('sc.field.title')} value={draft.title} error={error('title')} />
            <TextAreaField
              name="description"
              label={t.t('sc.field.description')}
              rows={4}
              value={draft.description}
              error={error('description')}
            />
            <div class="polity-inline-fields">
              <TextField
                name="opensAt"
                type="datetime-local"
                label={t.t('sc.field.opensAt')}
                value={draft.opensAt}
                error={error('opensAt')}
              />
              <TextField
                name="closesAt"
                type="datetime-local"
                label={t.t('sc.field.closesAt')}
                value={draft.closesAt}
                error={error('closesAt')}
              />
            </div>
            <RadioField
              name="audience"
              legend={t.t('sc.field.audience')}
              value={draft.audience}
              options={SURVEY_AUDIENCES.map((audience) => ({ value: audience, label: t.t(`sc.audience.${audience}`) }))}
            />
            <TextField name="district" label={t.t('sc.field.district')} value={draft.district} error={error('district')} />
            <RadioField
              name="responseMode"
              legend={t.t('sc.field.responseMode')}
              value={draft.responseMode}
              options={RESPONSE_MODES.map((mode) => ({ value: mode, label: t.t(`sc.responseMode.${mode}`) }))}
            />
            <RadioField
              name="resultsVisibility"
              legend={t.t('sc.field.resultsVisibility')}
              value={draft.resultsVisibility}
              options={RESULTS_VISIBILITIES.map((visibility) => ({ value: visibility, label: t.t(`sc.resultsVisibility.${visibility}`) }))}
            />
            <CheckboxField name="anonymous" label={t.t('sc.field.anonymous')} checked={draft.anonymous === 'on'} />
            <CheckboxField name="showTextAnswers" label={t.t('sc.field.showTextAnswers')} checked={draft.showTextAnswers === 'on'} />
            <button class="polity-button" type="submit">
              {t.t('sc.settings.save')}
            </button>
          </PostForm>
        </details>
      </section>
    </Layout>
  );
}
