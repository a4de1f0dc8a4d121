import { Injectable } from '@nestjs/common';
import { HomeSection, type HomeSectionProvider, type Translator } from '@polity/web';
import type { VNode } from 'preact';
import { ListProposalsQueryDto } from '../proposals.dto';
import { ProposalsQuery } from '../proposals.query';
import { ProposalSummary } from './proposal-summary';
import { PROPOSALS_MESSAGES } from './proposals.messages';

const SHOWN = 5;

/** The newest proposals still open for support, on the home page. */
@HomeSection({ order: 10 })
@Injectable()
export class ProposalsHomeSection implements HomeSectionProvider {
  readonly catalogue = PROPOSALS_MESSAGES;

  constructor(private readonly proposals: ProposalsQuery) {}

  async render(t: Translator): Promise<VNode | null> {
    const open = await this.proposals.list(Object.assign(new ListProposalsQueryDto(), { status: 'published', limit: SHOWN }), undefined);
    if (open.items.length === 0) return null;
    return (
      <section aria-labelledby="home-proposals">
        <h2 class="utrecht-heading-2" id="home-proposals">
          {t.t('proposals.home.title')}
        </h2>
        <ul class="polity-list">
          {open.items.map((proposal) => (
            <li key={proposal.id}>
              <ProposalSummary proposal={proposal} t={t} headingLevel={3} />
            </li>
          ))}
        </ul>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/proposals">
            {t.t('proposals.home.all')}
          </a>
        </p>
      </section>
    );
  }
}
