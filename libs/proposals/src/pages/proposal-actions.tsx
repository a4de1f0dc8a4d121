import type { ProposalReaderView } from '@polity/contracts';
import { PostForm, signInPath, type Translator, type WebRequest } from '@polity/web';

/** What a reader can do about a proposal: support it or withdraw their support, or sign in to. */
export function SupportAction({ t, web, proposal }: { t: Translator; web: WebRequest; proposal: ProposalReaderView }) {
  if (!web.principal) {
    return (
      <p class="polity-actions">
        <a class="utrecht-link" href={signInPath(web.path)}>
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

export interface ReaderActionsProps {
  t: Translator;
  web: WebRequest;
  proposal: ProposalReaderView;
  following: boolean;
}

/** Following, and what only the author may do (edit while allowed, withdraw) or only others (report). */
export function ReaderActions({ t, web, proposal, following }: ReaderActionsProps) {
  if (!web.principal) return null;
  const mine = proposal.author.id === web.principal.userId;
  const withdrawable = proposal.status === 'published' || proposal.status === 'evaluating';
  return (
    <div class="polity-actions">
      {following && <p class="utrecht-paragraph">{t.t('proposals.follow.yours')}</p>}
      <PostForm web={web} action={`/proposals/${proposal.id}/follow`} live>
        <input type="hidden" name="follow" value={following ? 'remove' : 'add'} />
        <button class="polity-button polity-button--secondary" type="submit" id="follow-button">
          {t.t(following ? 'proposals.follow.remove' : 'proposals.follow.add')}
        </button>
      </PostForm>
      {mine && proposal.editable && (
        <a class="utrecht-link" href={`/proposals/${proposal.id}/edit`}>
          {t.t('proposals.edit.link')}
        </a>
      )}
      {mine && withdrawable && (
        <a class="utrecht-link" href={`/proposals/${proposal.id}/withdraw`}>
          {t.t('proposals.withdraw.link')}
        </a>
      )}
      {!mine && proposal.moderationState === 'visible' && (
        <a class="utrecht-link" href={`/report?kind=proposals&id=${proposal.id}&back=${encodeURIComponent(`/proposals/${proposal.id}`)}`}>
          {t.t('proposals.report')}
        </a>
      )}
    </div>
  );
}
