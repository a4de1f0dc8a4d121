import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import { Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { BallotChoicesDto } from '../ballots/ballots.dto';
import type { BallotDraft } from './ballot-form';
import type { Place } from './budget-parts';
import { DraftFields } from './ballot.page';

/** The choices of a ballot in order: ranked first to last, or with their points. */
export function ChoiceList({
  t,
  budget,
  projects,
  choices,
}: {
  t: Translator;
  budget: BudgetView;
  projects: readonly BudgetProjectView[];
  choices: { projectIds?: string[] | null; points?: Record<string, number> | null; ranking?: string[] | null };
}) {
  const titles = new Map(projects.map((project) => [project.id, project]));
  const cost = (id: string) => t.amount(titles.get(id)?.cost ?? 0, budget.currency);
  if (choices.ranking && choices.ranking.length > 0) {
    return (
      <ol class="polity-choices">
        {choices.ranking.map((id) => (
          <li key={id}>
            {titles.get(id)?.title} ({cost(id)})
          </li>
        ))}
      </ol>
    );
  }
  const ids = choices.points && Object.keys(choices.points).length > 0 ? Object.keys(choices.points) : (choices.projectIds ?? []);
  return (
    <ul class="polity-choices">
      {ids.map((id) => (
        <li key={id}>
          {titles.get(id)?.title} ({cost(id)})
          {choices.points?.[id] !== undefined && `: ${t.t('budgets.review.points', { count: choices.points[id] })}`}
        </li>
      ))}
    </ul>
  );
}

export interface BallotReviewPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  projects: BudgetProjectView[];
  draft: BallotDraft;
  choices: BallotChoicesDto;
  district: string | null;
  totalCost: number;
  place: Place;
}

/** The review step: the ballot as it will be cast, then cast it or go back and change it. */
export function BallotReviewPage({
  t,
  siteName,
  web,
  budget,
  projects,
  draft,
  choices,
  district,
  totalCost,
  place,
}: BallotReviewPageProps) {
  const base = `/budgets/${budget.id}/ballot`;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('budgets.review.title')} section="budgets">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('budgets.ballot.for', { budget: budget.title })}</p>
      <p class="utrecht-paragraph">{t.t('budgets.review.intro')}</p>
      {district && <p class="utrecht-paragraph">{t.t('budgets.review.district', { district: place(district) })}</p>}
      <ChoiceList t={t} budget={budget} projects={projects} choices={choices} />
      <p class="utrecht-paragraph">{t.t('budgets.review.cost', { amount: t.amount(totalCost, budget.currency) })}</p>
      <PostForm web={web} action={base}>
        <DraftFields draft={draft} />
        <div class="polity-actions">
          <button class="polity-button" type="submit" id="cast-ballot">
            {t.t('budgets.review.cast')}
          </button>
          <button class="polity-button polity-button--secondary" type="submit" formAction={`${base}/edit`}>
            {t.t('budgets.review.change')}
          </button>
        </div>
      </PostForm>
    </Layout>
  );
}
