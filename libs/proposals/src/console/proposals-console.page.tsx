import type { ProposalView } from '@polity/contracts';
import { ConsoleNav, ConsoleNotice, Layout, type Translator, type WebRequest } from '@polity/web';

export const PROPOSALS_CONSOLE = '/staff/proposals';
export const CONSOLE_TABS = ['published', 'evaluating', 'accepted', 'rejected', 'implemented'] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

/** From this share of the threshold a waiting proposal is flagged as near it. */
const NEAR_SHARE = 0.8;

interface ProposalsConsolePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  tab: ConsoleTab;
  q: string;
  proposals: ProposalView[];
  nextCursor: string | null;
  threshold: number;
  news?: string;
}

/** Proposals by status, most supported first, each with how far it is from the threshold and a link to answer it. */
export function ProposalsConsolePage({ t, siteName, web, tab, q, proposals, nextCursor, threshold, news }: ProposalsConsolePageProps) {
  const query = (extra: Record<string, string>) => new URLSearchParams({ status: tab, ...(q && { q }), ...extra }).toString();
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('pc.title')} section="staff">
      <ConsoleNav
        label={t.t('pc.nav.label')}
        current={`${PROPOSALS_CONSOLE}?status=${tab}`}
        links={CONSOLE_TABS.map((status) => ({ href: `${PROPOSALS_CONSOLE}?status=${status}`, label: t.t(`pc.tab.${status}`) }))}
      />
      <ConsoleNotice news={news} />
      <p class="utrecht-paragraph">{t.t('pc.threshold', { threshold })}</p>
      <form method="get" action={PROPOSALS_CONSOLE} class="polity-filters" role="search">
        <input type="hidden" name="status" value={tab} />
        <div class="utrecht-form-field polity-field">
          <label class="utrecht-form-label" for="q">
            {t.t('pc.search')}
          </label>
          <input class="utrecht-textbox" id="q" name="q" type="search" value={q} />
        </div>
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('pc.search.submit')}
        </button>
      </form>
      {proposals.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('pc.empty')}</p>
      ) : (
        <ol class="polity-console-list">
          {proposals.map((proposal) => {
            const near = !proposal.thresholdReachedAt && proposal.supportCount >= threshold * NEAR_SHARE;
            return (
              <li key={proposal.id} class="polity-console-card">
                <h2 class="utrecht-heading-3">
                  <a class="utrecht-link" href={`${PROPOSALS_CONSOLE}/${proposal.id}`}>
                    {t.t('pc.answer.link', { title: proposal.title })}
                  </a>
                </h2>
                <p class="polity-meta">
                  <span>{t.t('pc.support', { count: proposal.supportCount, threshold })}</span>
                  <span>{t.t('pc.comments', { count: proposal.commentCount })}</span>
                  <span>{t.t('pc.since', { when: t.date(proposal.createdAt, { dateOnly: true }) })}</span>
                </p>
                <meter class="polity-meter" min={0} max={threshold} value={Math.min(proposal.supportCount, threshold)} aria-hidden="true" />
                {proposal.thresholdReachedAt && (
                  <p class="polity-mark polity-mark--official">
                    {t.t('pc.reached', { when: t.date(proposal.thresholdReachedAt, { dateOnly: true }) })}
                  </p>
                )}
                {near && <p class="polity-mark">{t.t('pc.near')}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {nextCursor && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${PROPOSALS_CONSOLE}?${query({ cursor: nextCursor })}`}>
            {t.t('pc.more')}
          </a>
        </p>
      )}
    </Layout>
  );
}
