import { Fragment } from 'preact';
import type { ProposalView } from '@polity/contracts';
import type { Translator } from '@polity/web';

/** A proposal's tags, each a link to the proposals with that tag. */
export function ProposalTags({ tags, t }: { tags: string[]; t: Translator }) {
  return (
    <p class="polity-tags">
      {t.t('proposals.tags')}{' '}
      {tags.map((tag, index) => (
        <Fragment key={tag}>
          {index > 0 && ', '}
          <a class="utrecht-link" href={`/proposals?tag=${encodeURIComponent(tag)}`}>
            {tag}
          </a>
        </Fragment>
      ))}
    </p>
  );
}

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
      {proposal.tags.length > 0 && <ProposalTags tags={proposal.tags} t={t} />}
      <p class="polity-meta">
        <span>{t.t('proposals.supports', { count: proposal.supportCount })}</span>
        <span>{t.t('proposals.comments', { count: proposal.commentCount })}</span>
      </p>
    </article>
  );
}
