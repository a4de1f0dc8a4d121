import { Injectable } from '@nestjs/common';
import { HomeItem, HomeList, HomeSection, type HomeSectionProvider, type Translator } from '@polity/web';
import type { VNode } from 'preact';
import { ListBudgetsQueryDto } from '../budgets/budgets.dto';
import { BudgetsService } from '../budgets/budgets.service';
import { BUDGETS_MESSAGES } from './budgets.messages';

/** Participatory budgets in their voting phase, with when voting closes, on the home page. */
@HomeSection({ order: 20 })
@Injectable()
export class BudgetsHomeSection implements HomeSectionProvider {
  readonly catalogue = BUDGETS_MESSAGES;

  constructor(private readonly budgets: BudgetsService) {}

  async render(t: Translator): Promise<VNode | null> {
    const voting = await this.budgets.list(Object.assign(new ListBudgetsQueryDto(), { phase: 'voting', limit: 5 }), undefined);
    if (voting.items.length === 0) return null;
    return (
      <HomeList
        id="home-budgets"
        title={t.t('budgets.home.title')}
        items={voting.items}
        keyOf={(budget) => budget.id}
        more={{ href: '/budgets', label: t.t('budgets.home.all') }}
        render={(budget) => (
          <HomeItem title={budget.title} href={`/budgets/${budget.id}`}>
            {budget.schedule.votingEndsAt
              ? t.t('budgets.home.closes', { date: t.date(budget.schedule.votingEndsAt) })
              : t.t('budgets.home.open')}
          </HomeItem>
        )}
      />
    );
  }
}
