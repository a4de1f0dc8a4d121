import { Injectable } from '@nestjs/common';
import type { LinkableKind } from '@polity/contracts';
import { DiscussableResources } from '@polity/platform';
import { DecisionPanels, pageTranslator, type WebRequest } from '@polity/web';
import type { VNode } from 'preact';
import { DecisionsQuery } from '../decisions/decisions.query';
import { COUNCIL_MESSAGES } from './council.messages';
import { DecisionItem } from './decision-item';

const SHOWN = 20;

/** The council's decisions on a proposal or thread page: each with its meeting, newest first, added live. */
@Injectable()
export class CouncilDecisionPanels extends DecisionPanels {
  constructor(
    private readonly decisions: DecisionsQuery,
    private readonly resources: DiscussableResources,
  ) {
    super();
  }

  async render(web: WebRequest, kind: LinkableKind, id: string): Promise<VNode | null> {
    const page = await this.decisions.about(kind, id, { limit: SHOWN }, web.principal).catch(() => null);
    const t = pageTranslator(web, COUNCIL_MESSAGES);
    const items = page?.items ?? [];
    const titles = await this.resources.visibleTitles(
      items.flatMap((decision) => decision.links),
      web.principal,
    );
    return (
      <div data-live-part="decisions" data-announce={t.t('council.about.announce')}>
        {items.length > 0 && (
          <section aria-labelledby="council-decisions-title">
            <h2 class="utrecht-heading-2" id="council-decisions-title">
              {t.t('council.about.title')}
            </h2>
            <ol class="polity-list polity-decisions">
              {items.map((decision) => (
                <DecisionItem key={decision.id} t={t} decision={decision} titles={titles} showMeeting keyed={false} />
              ))}
            </ol>
          </section>
        )}
      </div>
    );
  }
}
