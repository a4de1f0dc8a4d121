import { COMMENT_ALIGNMENTS, type ProposalReaderView } from '@polity/contracts';
import { ErrorSummary, type FieldError, PostForm, SelectField, TextAreaField, type Translator, type WebRequest } from '@polity/web';

/** What a reader can do about a proposal: support it or withdraw their support, or sign in to. */
export function SupportAction({ t, web, proposal }: { t: Translator; web: WebRequest; proposal: ProposalReaderView }) {
  if (!web.principal) {
    return (
      <p class="polity-actions">
        <a class="utrecht-link" href={`/sign-in?next=${encodeURIComponent(web.path)}`}>
          {t.t('proposals.support.signIn')}
        </a>
      </p>
    );
  }
  if (proposal.status !== 'published') return null;
  return (
    <div class="polity-actions">
      {proposal.supportedByMe && <p class="utrecht-paragraph">{t.t('proposals.support.yours')}</p>}
      <PostForm web={web} action={`/proposals/${proposal.id}/support`} live>
        <input type="hidden" name="support" value={proposal.supportedByMe ? 'withdraw' : 'add'} />
        <button class="polity-button" type="submit" id="support-button">
          {t.t(proposal.supportedByMe ? 'proposals.support.remove' : 'proposals.support.add')}
        </button>
      </PostForm>
    </div>
  );
}

export interface CommentDraft {
  body?: string;
  alignment?: string;
  errors: FieldError[];
}

/** The form that adds a comment; sent back with the text kept when something is wrong. */
export function CommentForm({ t, web, proposalId, draft }: { t: Translator; web: WebRequest; proposalId: string; draft: CommentDraft }) {
  if (!web.principal) return null;
  return (
    <section aria-labelledby="comment-form-title">
      <h2 class="utrecht-heading-2" id="comment-form-title">
        {t.t('proposals.comment.form.title')}
      </h2>
      <ErrorSummary t={t} errors={draft.errors} />
      <PostForm web={web} action={`/proposals/${proposalId}/comments`}>
        <TextAreaField
          name="body"
          label={t.t('proposals.comment.form.body')}
          hint={t.t('proposals.comment.form.bodyHint')}
          value={draft.body}
          error={draft.errors.find((error) => error.field === 'body')?.message}
        />
        <SelectField
          name="alignment"
          label={t.t('proposals.comment.form.alignment')}
          value={draft.alignment}
          options={[
            { value: '', label: t.t('proposals.comment.form.noAlignment') },
            ...COMMENT_ALIGNMENTS.map((alignment) => ({ value: alignment, label: t.t(`proposals.comment.alignment.${alignment}`) })),
          ]}
        />
        <button class="polity-button" type="submit">
          {t.t('proposals.comment.form.submit')}
        </button>
      </PostForm>
    </section>
  );
}
