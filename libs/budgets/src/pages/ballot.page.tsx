import type { BallotRulesView, BudgetProjectView, BudgetView } from '@polity/contracts';
import { countForms, ErrorSummary, Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import { type BallotDraft, type BallotErrors, summaryOf } from './ballot-form';
import type { Place } from './budget-parts';

export interface BallotPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  /** The projects on this ballot: the feasible ones of its pot. */
  projects: BudgetProjectView[];
  /** The pot's amount, which `maxCost: budget` means. */
  potAmount: number;
  draft: BallotDraft;
  errors: BallotErrors;
  /** Districts the reader may choose among; empty when there is nothing to choose. */
  districtChoices: string[];
  /** The reader's own district when the budget holds them to it. */
  fixedDistrict: string | null;
  place: Place;
}

/** The rules of this ballot, said before the resident starts. */
export function BallotRules({ t, budget, potAmount }: { t: Translator; budget: BudgetView; potAmount: number }) {
  const rules = budget.ballot;
  const lines = [t.t(`budgets.ballot.rules.${rules.kind}`)];
  const counted = (key: string, count: number | null) => count !== null && count > 0 && lines.push(t.t(key, { count }));
  if (rules.kind === 'ordinal') {
    if ((rules.minLength ?? 1) > 1) counted('budgets.ballot.rules.minLength', rules.minLength);
    counted('budgets.ballot.rules.maxLength', rules.maxLength);
  } else {
    if ((rules.minProjects ?? 1) > 1) counted('budgets.ballot.rules.minProjects', rules.minProjects);
    counted('budgets.ballot.rules.maxProjects', rules.maxProjects);
  }
  if (rules.kind === 'approval' && rules.maxCost !== null) {
    lines.push(t.t('budgets.ballot.rules.maxCost', { amount: t.amount(costLimit(rules, potAmount) ?? 0, budget.currency) }));
  }
  if (rules.kind === 'cumulative') {
    counted('budgets.ballot.rules.maxPoints', rules.maxPoints);
    counted('budgets.ballot.rules.maxPointsPerProject', rules.maxPointsPerProject);
  }
  lines.push(t.t('budgets.ballot.rules.review'));
  return (
    <section class="polity-rules" aria-labelledby="rules-title">
      <h2 class="utrecht-heading-2" id="rules-title">
        {t.t('budgets.ballot.rules')}
      </h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

const costLimit = (rules: BallotRulesView, potAmount: number): number | null => (rules.maxCost === 'budget' ? potAmount : rules.maxCost);

/** Ballots of every kind: ticks, points or ranks per project, a running total, then the review step. */
export function BallotPage(props: BallotPageProps) {
  const { t, siteName, web, budget, projects, draft, errors } = props;
  const kind = budget.ballot.kind;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('budgets.ballot.title')} section="budgets">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('budgets.ballot.for', { budget: budget.title })}</p>
      <ErrorSummary t={t} errors={summaryOf(errors, kind, projects[0]?.id)} />
      <BallotRules t={t} budget={budget} potAmount={props.potAmount} />
      {props.fixedDistrict && (
        <p class="utrecht-paragraph">{t.t('budgets.ballot.district.yours', { district: props.place(props.fixedDistrict) })}</p>
      )}
      {props.districtChoices.length > 1 && (
        <form method="get" action={`/budgets/${budget.id}/ballot`} class="polity-filters">
          <div class="utrecht-form-field">
            <label class="utrecht-form-label" for="district">
              {t.t('budgets.ballot.district')}
            </label>
            <select id="district" name="district">
              {props.districtChoices.map((code) => (
                <option key={code} value={code} selected={code === draft.district}>
                  {props.place(code)}
                </option>
              ))}
            </select>
          </div>
          <button class="polity-button polity-button--secondary" type="submit">
            {t.t('budgets.ballot.district.choose')}
          </button>
        </form>
      )}
      {projects.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('budgets.ballot.none')}</p>
      ) : (
        <PostForm web={web} action={`/budgets/${budget.id}/ballot/review`} class="polity-ballot">
          {draft.district && <input type="hidden" name="district" value={draft.district} />}
          <BallotChoices {...props} />
          <RunningTotal {...props} />
          <p class="polity-actions">
            <button class="polity-button" type="submit">
              {t.t('budgets.ballot.next')}
            </button>
          </p>
        </PostForm>
      )}
    </Layout>
  );
}

function BallotChoices({ t, budget, projects, draft, errors, place }: BallotPageProps) {
  const kind = budget.ballot.kind;
  const places = kind === 'ordinal' ? (budget.ballot.maxLength ?? projects.length) : 0;
  return (
    <fieldset class="polity-ballot__projects" id="ballot">
      <legend class="polity-visually-hidden">{t.t('budgets.projects.title')}</legend>
      <ul class="polity-list">
        {projects.map((project) => {
          const error = errors.byProject[project.id];
          const errorId = `project-${project.id}-error`;
          const costId = `project-${project.id}-cost`;
          const describedBy = [costId, error ? errorId : ''].filter(Boolean).join(' ');
          return (
            <li key={project.id} class={`polity-ballot__project${error ? ' polity-field--invalid' : ''}`}>
              {kind === 'approval' ? (
                <div class="polity-choice">
                  <input
                    type="checkbox"
                    id={`project-${project.id}`}
                    name="project"
                    value={project.id}
                    checked={draft.chosen.includes(project.id)}
                    data-cost={project.cost}
                    aria-describedby={describedBy}
                    aria-invalid={error ? 'true' : undefined}
                  />
                  <label for={`project-${project.id}`} class="polity-ballot__title">
                    {project.title}
                  </label>
                </div>
              ) : (
                <h3 class="utrecht-heading-3 polity-ballot__title">{project.title}</h3>
              )}
              <p class="polity-meta" id={costId}>
                <span>{t.t('budgets.project.cost', { amount: t.amount(project.cost, budget.currency) })}</span>
                {project.district && <span>{t.t('budgets.project.district', { district: place(project.district) })}</span>}
              </p>
              <p class="utrecht-paragraph polity-ballot__description">
                {project.description.length > 240 ? `${project.description.slice(0, 239)}…` : project.description}
              </p>
              {error && (
                <p class="polity-field__error" id={errorId}>
                  {error}
                </p>
              )}
              {kind === 'cumulative' && (
                <div class="polity-field polity-ballot__control">
                  <label class="utrecht-form-label" for={`points-${project.id}`}>
                    {t.t('budgets.ballot.points', { title: project.title })}
                  </label>
                  <input
                    type="number"
                    inputMode="numeric"
                    min="0"
                    max={budget.ballot.maxPointsPerProject ?? budget.ballot.maxPoints ?? undefined}
                    step="1"
                    id={`points-${project.id}`}
                    name={`points-${project.id}`}
                    value={draft.points[project.id] ?? ''}
                    data-cost={project.cost}
                    aria-describedby={describedBy}
                    aria-invalid={error ? 'true' : undefined}
                  />
                </div>
              )}
              {kind === 'ordinal' && (
                <div class="polity-field polity-ballot__control">
                  <label class="utrecht-form-label" for={`rank-${project.id}`}>
                    {t.t('budgets.ballot.rank', { title: project.title })}
                  </label>
                  <select
                    id={`rank-${project.id}`}
                    name={`rank-${project.id}`}
                    data-cost={project.cost}
                    aria-describedby={describedBy}
                    aria-invalid={error ? 'true' : undefined}
                  >
                    <option value="">{t.t('budgets.ballot.unranked')}</option>
                    {Array.from({ length: places }, (_, index) => String(index + 1)).map((rank) => (
                      <option key={rank} value={rank} selected={draft.ranks[project.id] === rank}>
                        {rank}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * What the ballot holds so far, against its limits. The server writes it for the ballot as sent;
 * the live client (libs/web/client/ballot.ts) keeps it current as the resident chooses, and says
 * the money left politely. `¤` in a template stands for an amount, `#` for a count.
 */
function RunningTotal({ t, budget, projects, draft, potAmount }: BallotPageProps) {
  const rules = budget.ballot;
  const costs = new Map(projects.map((project) => [project.id, project.cost]));
  const chosen =
    rules.kind === 'approval'
      ? draft.chosen
      : rules.kind === 'cumulative'
        ? Object.keys(draft.points).filter((id) => Number(draft.points[id]) > 0)
        : Object.keys(draft.ranks);
  const spent = chosen.reduce((sum, id) => sum + (costs.get(id) ?? 0), 0);
  const limit = rules.kind === 'approval' ? costLimit(rules, potAmount) : null;
  const given = Object.values(draft.points).reduce((sum, points) => sum + (Number(points) > 0 ? Number(points) : 0), 0);
  const countKey = rules.kind === 'ordinal' ? 'budgets.ballot.ranked' : 'budgets.ballot.chosen';
  const templates = {
    currency: budget.currency,
    limit: limit ?? undefined,
    maxPoints: rules.kind === 'cumulative' ? (rules.maxPoints ?? undefined) : undefined,
    count: countForms(t, countKey),
    spent: t.t('budgets.ballot.spent', { amount: '¤' }),
    left: t.t('budgets.ballot.left', { amount: '¤' }),
    over: t.t('budgets.ballot.over', { amount: '¤' }),
    given: countForms(t, 'budgets.ballot.pointsGiven'),
    pointsLeft: countForms(t, 'budgets.ballot.pointsLeft'),
    pointsOver: countForms(t, 'budgets.ballot.pointsOver'),
  };
  const maxPoints = rules.kind === 'cumulative' ? rules.maxPoints : null;
  return (
    <section class="polity-ballot__total" aria-labelledby="total-title" data-running-total={JSON.stringify(templates)}>
      <h2 class="utrecht-heading-3" id="total-title">
        {t.t('budgets.ballot.total')}
      </h2>
      <p class="utrecht-paragraph" data-total="count">
        {t.t(countKey, { count: chosen.length })}
      </p>
      {rules.kind === 'cumulative' && (
        <p class="utrecht-paragraph" data-total="points">
          {t.t('budgets.ballot.pointsGiven', { count: given })}
          {maxPoints !== null &&
            ` ${t.t(given > maxPoints ? 'budgets.ballot.pointsOver' : 'budgets.ballot.pointsLeft', { count: Math.abs(maxPoints - given) })}`}
        </p>
      )}
      <p class="utrecht-paragraph" data-total="money">
        {t.t('budgets.ballot.spent', { amount: t.amount(spent, budget.currency) })}
        {limit !== null &&
          ` ${t.t(spent > limit ? 'budgets.ballot.over' : 'budgets.ballot.left', {
            amount: t.amount(Math.abs(limit - spent), budget.currency),
          })}`}
      </p>
    </section>
  );
}

/** The same choices again, as hidden fields: the review step sends them on to be cast, or back to be changed. */
export function DraftFields({ draft }: { draft: BallotDraft }) {
  return (
    <>
      {draft.district && <input type="hidden" name="district" value={draft.district} />}
      {draft.chosen.map((id) => (
        <input type="hidden" name="project" value={id} key={`p-${id}`} />
      ))}
      {Object.entries(draft.points).map(([id, points]) => (
        <input type="hidden" name={`points-${id}`} value={points} key={`s-${id}`} />
      ))}
      {Object.entries(draft.ranks).map(([id, rank]) => (
        <input type="hidden" name={`rank-${id}`} value={rank} key={`r-${id}`} />
      ))}
    </>
  );
}
