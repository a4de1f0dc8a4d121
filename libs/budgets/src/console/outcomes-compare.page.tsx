import { OUTCOME_RULES, type BudgetView, type OutcomeRule } from '@polity/contracts';
import { ConsoleNotice, Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import type { OutcomeDto } from '../outcomes/outcomes.dto';
import { BudgetNav } from './budget-nav';
import { BUDGETS_CONSOLE } from './budgets-console.page';

interface OutcomesComparePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  outcomes: Partial<Record<OutcomeRule, OutcomeDto>>;
  news?: string;
  refusal?: ComponentChildren;
}

interface Row {
  projectId: string;
  title: string;
  cost: number;
  votes: number;
  district: string | null;
}

/** Each rule's latest outcome side by side, project by project, with what each spends and leaves, and publishing one. */
export function OutcomesComparePage({ t, siteName, web, budget, outcomes, news, refusal }: OutcomesComparePageProps) {
  const base = `${BUDGETS_CONSOLE}/${budget.id}/outcomes`;
  const computed = OUTCOME_RULES.filter((rule) => outcomes[rule]?.status === 'computed');
  const rows = new Map<string, Row>();
  const funded = new Map<OutcomeRule, Set<string>>();
  for (const rule of computed) {
    const won = new Set<string>();
    for (const pot of outcomes[rule]?.pots ?? []) {
      for (const project of [...pot.winners, ...pot.notFunded]) rows.set(project.projectId, { ...project, district: pot.district });
      for (const winner of pot.winners) won.add(winner.projectId);
    }
    funded.set(rule, won);
  }
  const sorted = [...rows.values()].sort((a, b) => (a.district ?? '').localeCompare(b.district ?? '') || b.votes - a.votes);
  const ruleName = (rule: OutcomeRule) => t.t(`bc.rule.${rule}`);
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('bc.outcomes.title', { title: budget.title })} section="staff">
      <BudgetNav t={t} budget={budget} current="outcomes" />
      <ConsoleNotice news={news} refusal={refusal} />
      <p class="utrecht-paragraph">{t.t('bc.outcomes.intro')}</p>
      <div class="polity-actions">
        {OUTCOME_RULES.map((rule) => (
          <PostForm key={rule} web={web} action={base}>
            <input type="hidden" name="rule" value={rule} />
            <button class="polity-button polity-button--secondary" type="submit">
              {t.t('bc.outcomes.compute', { rule: ruleName(rule) })}
            </button>
          </PostForm>
        ))}
      </div>
      {OUTCOME_RULES.filter((rule) => outcomes[rule]?.status === 'computing').map((rule) => (
        <p key={rule} class="polity-notice" role="status">
          {t.t('bc.outcomes.computing', { rule: ruleName(rule) })}
        </p>
      ))}
      {computed.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('bc.outcomes.none')}</p>
      ) : (
        <div class="polity-table-scroll">
          <table class="polity-table">
            <thead>
              <tr>
                <th scope="col">{t.t('bc.outcomes.project')}</th>
                <th scope="col">{t.t('bc.outcomes.votes')}</th>
                {computed.map((rule) => (
                  <th scope="col" key={rule}>
                    {ruleName(rule)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr key={row.projectId}>
                  <th scope="row">
                    {row.title} ({t.amount(row.cost, budget.currency)}
                    {row.district && `, ${row.district}`})
                  </th>
                  <td>{t.number(row.votes)}</td>
                  {computed.map((rule) => (
                    <td key={rule}>{funded.get(rule)?.has(row.projectId) ? t.t('bc.outcomes.won') : t.t('bc.outcomes.lost')}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.t('bc.outcomes.spent')}</th>
                <td />
                {computed.map((rule) => (
                  <td key={rule}>{t.amount(outcomes[rule]?.totalCost ?? 0, budget.currency)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t.t('bc.outcomes.left')}</th>
                <td />
                {computed.map((rule) => (
                  <td key={rule}>{t.amount(outcomes[rule]?.leftover ?? 0, budget.currency)}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {computed.map((rule) => {
        const outcome = outcomes[rule] as OutcomeDto;
        return (
          <div key={rule} class="polity-console-card">
            <p class="utrecht-paragraph">
              <strong>{t.t('shell.labelled', { label: ruleName(rule) })}</strong>{' '}
              {t.t('bc.outcomes.computedAt', { when: t.date(outcome.computedAt ?? outcome.requestedAt), ballots: outcome.ballots ?? 0 })}
            </p>
            {outcome.stale && <p class="utrecht-paragraph">{t.t('bc.outcomes.stale')}</p>}
            {outcome.published ? (
              <p class="utrecht-paragraph">
                <strong>{t.t('bc.outcomes.published')}</strong> ·{' '}
                <a class="utrecht-link" href={`/budgets/${budget.id}/results`}>
                  {t.t('bc.outcomes.results')}
                </a>
              </p>
            ) : (
              !outcome.stale && (
                <PostForm web={web} action={`${base}/${outcome.id}/publish`}>
                  <button class="polity-button" type="submit">
                    {t.t('bc.outcomes.publish', { rule: ruleName(rule) })}
                  </button>
                </PostForm>
              )
            )}
          </div>
        );
      })}
    </Layout>
  );
}
