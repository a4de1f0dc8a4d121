import type { BudgetView } from '@polity/contracts';
import { ConsoleNav, type Translator } from '@polity/web';
import { BUDGETS_CONSOLE } from './budgets-console.page';

/** A budget's console pages, and where residents and the open-data file see it. */
export function BudgetNav({ t, budget, current }: { t: Translator; budget: BudgetView; current: 'settings' | 'paper' | 'outcomes' }) {
  const base = `${BUDGETS_CONSOLE}/${budget.id}`;
  const pages = { settings: base, paper: `${base}/paper-ballots`, outcomes: `${base}/outcomes` };
  return (
    <ConsoleNav
      label={t.t('bc.nav.label')}
      current={pages[current]}
      links={[
        { href: BUDGETS_CONSOLE, label: t.t('bc.nav.all') },
        { href: pages.settings, label: t.t('bc.nav.settings') },
        { href: pages.paper, label: t.t('bc.nav.paper') },
        { href: pages.outcomes, label: t.t('bc.nav.outcomes') },
        { href: `/budgets/${budget.id}`, label: t.t('bc.nav.public') },
        { href: `/api/v1/budgets/${budget.id}/export.pb`, label: t.t('bc.nav.export') },
      ]}
    />
  );
}
