import type { ProposalView } from '@polity/contracts';
import type { Translator } from '@polity/web';

/** One proposal in a list: its title as a link, who and when, where, its status and its counts. */
export function ProposalSummary({ proposal, t, headingLevel = 2 }: { proposal: ProposalView; t: Translator; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article>
      <Heading class={`utrecht-heading-${headingLevel}`}>
        <a class="utrecht-link" href={`/proposals/${proposal.id}`}>
          {proposal.title}
        </a>
      </Heading>
      <p class="polity-meta">
        <span>{t.t('proposals.by', { author: proposal.author.displayName, date: t.date(proposal.createdAt, { dateOnly: true }) })}</span>
        {proposal.district && <span>{t.t('proposals.district', { district: proposal.district })}</span>}
        <span>{t.t(`proposals.status.${proposal.status}`)}</span>
      </p>
      <p class="polity-meta">
        <span>{t.t('proposals.supports', { count: proposal.supportCount })}</span>
        <span>{t.t('proposals.comments', { count: proposal.commentCount })}</span>
      </p>
    </article>
  );
}
