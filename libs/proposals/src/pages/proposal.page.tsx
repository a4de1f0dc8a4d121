import { type CommentDraft, type CommentSort, type CommentThreadDto, Conversation } from '@polity/comments';
import type { ProposalReaderView } from '@polity/contracts';
import type { VNode } from 'preact';
import { CountText, Layout, type LiveConfig, type Translator, type WebRequest } from '@polity/web';
import { ReaderActions, SupportAction } from './proposal-actions';
import { ProposalTags } from './proposal-summary';

export interface ProposalPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  proposal: ProposalReaderView;
  comments: CommentThreadDto[];
  moreComments: string | null;
  commentDraft: CommentDraft;
  commentSort: CommentSort;
  following: boolean;
  /** The council's decisions about it, where the council feature is there. */
  decisions: VNode | null;
  live: LiveConfig;
}

/** One proposal: what it asks, who asked and when, where it stands, the council's answer, the conversation. */
export function ProposalPage(props: ProposalPageProps) {
  const { t, siteName, web, proposal, live } = props;
  return (
    <Layout t={t} siteName={siteName} web={web} title={proposal.title} section="proposals" live={live}>
      {proposal.moderationState !== 'visible' && (
        <p class="polity-notice" role="note">
          {t.t(proposal.moderationState === 'held' ? 'proposals.held' : 'proposals.hidden')}
        </p>
      )}
      <p class="polity-meta">
        <span>{t.t('proposals.by', { author: proposal.author.displayName, date: t.date(proposal.createdAt, { dateOnly: true }) })}</span>
        {proposal.district && <span>{t.t('proposals.district', { district: proposal.district })}</span>}
      </p>
      {proposal.tags.length > 0 && <ProposalTags tags={proposal.tags} t={t} />}
      <ul
        class="polity-facts"
        data-live-part="facts"
        data-announce={t.t('proposals.status.now', { status: t.t(`proposals.status.${proposal.status}`) })}
      >
        <li>
          <strong>{t.t(`proposals.status.${proposal.status}`)}</strong>
        </li>
        <li>
          <CountText t={t} id="support-count" message="proposals.supports" count={proposal.supportCount} />
        </li>
        <li>
          <CountText t={t} id="comment-count" message="proposals.comments" count={proposal.commentCount} />
        </li>
      </ul>
      <div data-live-part="support">
        <SupportAction t={t} web={web} proposal={proposal} />
      </div>
      <div data-live-part="reader" data-live-quiet>
        <ReaderActions t={t} web={web} proposal={proposal} following={props.following} />
      </div>
      {proposal.status === 'withdrawn' && proposal.withdrawnReason && (
        <p class="polity-notice">{t.t('proposals.withdrawn', { reason: proposal.withdrawnReason })}</p>
      )}
      {/* Markdown rendered to an allow-listed subset by the proposals library. */}
      <div class="polity-body" dangerouslySetInnerHTML={{ __html: proposal.bodyHtml }} />
      <div data-live-part="answer" data-announce={t.t('proposals.answer.announce')}>
        {proposal.answer && (
          <section class="polity-answer" aria-labelledby="answer-title">
            <h2 class="utrecht-heading-2" id="answer-title">
              {t.t('proposals.answer.title')}
            </h2>
            <p class="polity-meta">
              <span>{t.t(`proposals.status.${proposal.answer.status}`)}</span>
              <span>
                {t.t('proposals.answer.by', { name: proposal.answer.answeredBy.displayName, date: t.date(proposal.answer.answeredAt) })}
              </span>
            </p>
            <p class="utrecht-paragraph polity-body">{proposal.answer.text}</p>
          </section>
        )}
      </div>
      {props.decisions}
      <Conversation
        t={t}
        web={web}
        page={`/proposals/${proposal.id}`}
        comments={props.comments}
        sort={props.commentSort}
        more={props.moreComments}
        draft={props.commentDraft}
        open={proposal.status !== 'withdrawn'}
      />
    </Layout>
  );
}
