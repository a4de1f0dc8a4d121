import type { ProposalView } from '@polity/contracts';
import {
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  RadioField,
  TextAreaField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import { ANSWERABLE_STATUSES } from '../proposals.dto';
import { PROPOSALS_CONSOLE } from './proposals-console.page';

interface AnswerPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  proposal: ProposalView;
  threshold: number;
  draft: { status: string; answer: string };
  errors: FieldError[];
  refusal?: ComponentChildren;
}

/** One proposal as the official answers it: its text and standing, the answer so far, and the form. */
export function AnswerPage({ t, siteName, web, proposal, threshold, draft, errors, refusal }: AnswerPageProps) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('pc.answer.title', { title: proposal.title })} section="staff">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${PROPOSALS_CONSOLE}?status=${proposal.status === 'withdrawn' ? 'published' : proposal.status}`}>
          {t.t('pc.answer.back')}
        </a>
        {' · '}
        <a class="utrecht-link" href={`/proposals/${proposal.id}`}>
          {t.t('pc.answer.open')}
        </a>
      </p>
      <ConsoleNotice refusal={refusal} />
      <ErrorSummary t={t} errors={errors} />
      <p class="polity-meta">
        <span>{t.t('pc.support', { count: proposal.supportCount, threshold })}</span>
        <span>{t.t('pc.comments', { count: proposal.commentCount })}</span>
      </p>
      <div class="polity-body" dangerouslySetInnerHTML={{ __html: proposal.bodyHtml }} />
      {proposal.answer && (
        <div class="polity-answer">
          <p class="utrecht-paragraph">
            {t.t('pc.answer.current', { status: t.t(`pc.status.${proposal.answer.status}`), when: t.date(proposal.answer.answeredAt) })}
          </p>
          <p class="utrecht-paragraph">{proposal.answer.text}</p>
        </div>
      )}
      <PostForm web={web} action={`${PROPOSALS_CONSOLE}/${proposal.id}/answer`}>
        <RadioField
          name="status"
          legend={t.t('pc.answer.status')}
          value={draft.status}
          error={error('status')}
          options={ANSWERABLE_STATUSES.map((status) => ({ value: status, label: t.t(`pc.status.${status}`) }))}
        />
        <TextAreaField name="answer" label={t.t('pc.answer.text')} rows={8} value={draft.answer} error={error('answer')} />
        <button class="polity-button" type="submit">
          {t.t('pc.answer.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
