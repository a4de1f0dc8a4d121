import { Injectable } from '@nestjs/common';
import { HomeList, HomeSection, type HomeSectionProvider, type Translator } from '@polity/web';
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
      <HomeList
        id="home-proposals"
        title={t.t('proposals.home.title')}
        items={open.items}
        keyOf={(proposal) => proposal.id}
        render={(proposal) => <ProposalSummary proposal={proposal} t={t} headingLevel={3} />}
        more={{ href: '/proposals', label: t.t('proposals.home.all') }}
      />
    );
  }
}
