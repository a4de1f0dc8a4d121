import type { ProposalView } from '@polity/contracts';
import { ErrorSummary, type FieldError, Layout, PostForm, TextAreaField, type Translator, type WebRequest } from '@polity/web';

export interface WithdrawProposalPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  proposal: ProposalView;
  reason?: string;
  errors: FieldError[];
}

/** The author withdraws their proposal, saying why; what that means is said before they confirm. */
export function WithdrawProposalPage({ t, siteName, web, proposal, reason, errors }: WithdrawProposalPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('proposals.withdraw.title')} section="proposals">
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">
        <strong>{proposal.title}</strong>
      </p>
      <p class="utrecht-paragraph">{t.t('proposals.withdraw.explain')}</p>
      <PostForm web={web} action={`/proposals/${proposal.id}/withdraw`}>
        <TextAreaField
          name="reason"
          label={t.t('proposals.withdraw.reason')}
          value={reason}
          error={errors.find((error) => error.field === 'reason')?.message}
          rows={4}
        />
        <button class="polity-button" type="submit">
          {t.t('proposals.withdraw.submit')}
        </button>
      </PostForm>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/proposals/${proposal.id}`}>
          {t.t('proposals.back')}
        </a>
      </p>
    </Layout>
  );
}
