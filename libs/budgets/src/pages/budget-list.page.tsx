import type { BudgetView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';

/** Every budget past its draft, newest first, each with where it stands. */
export function BudgetListPage({ t, siteName, web, budgets }: { t: Translator; siteName: string; web: WebRequest; budgets: BudgetView[] }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('budgets.list.title')} section="budgets">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('budgets.list.intro')}</p>
      {budgets.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('budgets.list.empty')}</p>
      ) : (
        <ul class="polity-list">
          {budgets.map((budget) => (
            <li key={budget.id}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/budgets/${budget.id}`}>
                  {budget.title}
                </a>
              </h2>
              <p class="polity-meta">
                <span>{t.t(`budgets.phase.${budget.phase}`)}</span>
                <span>{t.t('budgets.amount', { amount: t.amount(budget.totalAmount, budget.currency) })}</span>
                {budget.phase === 'voting' && budget.schedule.votingEndsAt && (
                  <span>{t.t('budgets.home.closes', { date: t.date(budget.schedule.votingEndsAt) })}</span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
