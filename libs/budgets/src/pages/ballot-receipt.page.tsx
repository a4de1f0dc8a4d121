import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import { Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import { createHash } from 'node:crypto';
import type { BallotDto } from '../ballots/ballots.dto';
import { ChoiceList } from './ballot-review.page';
import type { Place } from './budget-parts';

/** A short code of what the ballot holds: the same for as long as the ballot is unchanged. */
export const ballotFingerprint = (ballot: BallotDto): string =>
  createHash('sha256')
    .update(JSON.stringify([ballot.budgetId, ballot.district, ballot.projectIds, ballot.points, ballot.ranking, ballot.updatedAt]))
    .digest('hex')
    .slice(0, 12)
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1-');

export interface BallotReceiptPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  projects: BudgetProjectView[];
  ballot: BallotDto | null;
  /** Just cast, just withdrawn, or only looked at. */
  news: 'cast' | 'withdrawn' | null;
  place: Place;
}

/** The resident's ballot as it was recorded, with a fingerprint to compare later, and a way to withdraw it. */
export function BallotReceiptPage({ t, siteName, web, budget, projects, ballot, news, place }: BallotReceiptPageProps) {
  const voting = budget.phase === 'voting';
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('budgets.receipt.title')} section="budgets">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('budgets.ballot.for', { budget: budget.title })}</p>
      {news && (
        <p class="polity-notice" role="status">
          {t.t(news === 'cast' ? 'budgets.receipt.cast' : 'budgets.receipt.withdrawn')}
        </p>
      )}
      {ballot ? (
        <>
          {ballot.district && <p class="utrecht-paragraph">{t.t('budgets.review.district', { district: place(ballot.district) })}</p>}
          <ChoiceList t={t} budget={budget} projects={projects} choices={ballot} />
          <p class="utrecht-paragraph">{t.t('budgets.review.cost', { amount: t.amount(ballot.totalCost, budget.currency) })}</p>
          <p class="utrecht-paragraph">{t.t('budgets.receipt.recorded', { date: t.date(ballot.updatedAt) })}</p>
          <p class="utrecht-paragraph">{t.t('budgets.receipt.fingerprint', { code: ballotFingerprint(ballot) })}</p>
          {voting && budget.schedule.votingEndsAt && (
            <p class="utrecht-paragraph">{t.t('budgets.receipt.changeUntil', { date: t.date(budget.schedule.votingEndsAt) })}</p>
          )}
          {voting && (
            <div class="polity-actions">
              <a
                class="polity-button"
                href={`/budgets/${budget.id}/ballot${ballot.district ? `?district=${encodeURIComponent(ballot.district)}` : ''}`}
              >
                {t.t('budgets.vote.change')}
              </a>
              <PostForm web={web} action={`/budgets/${budget.id}/ballot/withdraw`}>
                {ballot.district && <input type="hidden" name="district" value={ballot.district} />}
                <button class="polity-button polity-button--secondary" type="submit">
                  {t.t('budgets.receipt.withdraw')}
                </button>
              </PostForm>
            </div>
          )}
        </>
      ) : (
        news !== 'withdrawn' && <p class="utrecht-paragraph">{t.t('budgets.receipt.none')}</p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/budgets/${budget.id}`}>
          {t.t('budgets.receipt.back')}
        </a>
      </p>
    </Layout>
  );
}
