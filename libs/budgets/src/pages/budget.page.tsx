import type { BudgetProjectView, BudgetTallyView, BudgetView } from '@polity/contracts';
import { FollowForm, Layout, type LiveConfig, signInPath, type Translator, type WebRequest } from '@polity/web';
import { BudgetFacts, type Place, PlainText, ProjectFacts, TallyChart } from './budget-parts';

/** Where the reader stands in a budget: whether they may vote, and whether they have. */
export interface VoterStanding {
  verifiedNeeded: boolean;
  residentDistrict: string | null;
  /** The districts (or the one pot, as null) the reader has a ballot in. */
  votedIn: (string | null)[];
}

export interface BudgetPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  projects: BudgetProjectView[];
  /** The district the project list shows; null for all. */
  district: string | null;
  tally: BudgetTallyView | null;
  standing: VoterStanding | null;
  following: boolean;
  live: LiveConfig;
  place: Place;
}

/** A participatory budget: what it is, where it stands, how to take part, its projects and (where shown) its votes. */
export function BudgetPage(props: BudgetPageProps) {
  const { t, siteName, web, budget, live } = props;
  return (
    <Layout t={t} siteName={siteName} web={web} title={budget.title} section="budgets" live={live}>
      <div data-live-part="facts" data-announce={t.t(`budgets.phase.${budget.phase}`)}>
        <BudgetFacts t={t} budget={budget} />
      </div>
      <PlainText text={budget.description} />
      <div data-live-part="actions" data-live-quiet>
        <BudgetActions {...props} />
      </div>
      <FollowForm t={t} web={web} kind="budgets" id={budget.id} following={props.following} label={t.t('budgets.follow')} />
      {budget.districts.length > 0 && <Districts {...props} />}
      <div data-live-part="tally" data-announce={props.tally ? t.t('budgets.tally.ballots', { count: props.tally.ballots }) : undefined}>
        {props.tally && <TallyChart t={t} budget={budget} tally={props.tally} projects={props.projects} />}
        {!props.tally && budget.phase === 'voting' && <p class="utrecht-paragraph">{t.t('budgets.tally.hidden')}</p>}
      </div>
      <section aria-labelledby="projects-title">
        <h2 class="utrecht-heading-2" id="projects-title">
          {t.t('budgets.projects.title')}
        </h2>
        {budget.districts.length > 0 && <DistrictFilter {...props} />}
        <div data-live-part="projects" data-live-quiet>
          {props.projects.length === 0 ? (
            <p class="utrecht-paragraph">{t.t('budgets.projects.empty')}</p>
          ) : (
            <ul class="polity-list">
              {props.projects.map((project) => (
                <li key={project.id} id={`project-${project.id}`}>
                  <h3 class="utrecht-heading-3">
                    <a class="utrecht-link" href={`/budgets/${budget.id}/projects/${project.id}`}>
                      {project.title}
                    </a>
                  </h3>
                  <ProjectFacts t={t} budget={budget} project={project} place={props.place} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </Layout>
  );
}

/** The one thing to do now: vote (or change one's ballot), suggest a project, or read the results. */
function BudgetActions({ t, web, budget, standing }: BudgetPageProps) {
  const base = `/budgets/${budget.id}`;
  if (budget.phase === 'published') {
    return (
      <p class="polity-actions">
        <a class="polity-button" href={`${base}/results`}>
          {t.t('budgets.outcome.link')}
        </a>
      </p>
    );
  }
  if (budget.phase === 'proposing') {
    return (
      <p class="polity-actions">
        <a class="polity-button" href={web.principal ? `${base}/suggest` : signInPath(`${base}/suggest`)}>
          {t.t('budgets.suggest.link')}
        </a>
      </p>
    );
  }
  if (budget.phase !== 'voting') return null;
  if (!web.principal || !standing) {
    return (
      <p class="polity-actions">
        <a class="polity-button" href={signInPath(`${base}/ballot`)}>
          {t.t('budgets.vote.signIn')}
        </a>
      </p>
    );
  }
  if (standing.verifiedNeeded) {
    return (
      <div class="polity-notice">
        <p class="utrecht-paragraph">{t.t('budgets.vote.verify')}</p>
        <a class="utrecht-link" href="/account#resident-title">
          {t.t('budgets.vote.verifyLink')}
        </a>
      </div>
    );
  }
  const voted = standing.votedIn.length > 0;
  const receipt = standing.votedIn[0]
    ? `${base}/ballot/receipt?district=${encodeURIComponent(standing.votedIn[0])}`
    : `${base}/ballot/receipt`;
  return (
    <div class="polity-actions">
      {voted && <p class="utrecht-paragraph">{t.t('budgets.vote.yours')}</p>}
      <a class="polity-button" href={`${base}/ballot`}>
        {t.t(voted ? 'budgets.vote.change' : 'budgets.vote.start')}
      </a>
      {voted && (
        <a class="utrecht-link" href={receipt}>
          {t.t('budgets.vote.receipt')}
        </a>
      )}
    </div>
  );
}

function Districts({ t, budget, standing, place }: BudgetPageProps) {
  return (
    <section aria-labelledby="districts-title">
      <h2 class="utrecht-heading-2" id="districts-title">
        {t.t('budgets.districts.title')}
      </h2>
      {budget.districtVoting && <p class="utrecht-paragraph">{t.t(`budgets.districts.${budget.districtVoting}`)}</p>}
      <ul>
        {budget.districts.map((district) => (
          <li key={district.code}>
            {t.t(district.code === standing?.residentDistrict ? 'budgets.districts.yours' : 'budgets.districts.amount', {
              district: place(district.code),
              amount: t.amount(district.amount, budget.currency),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A plain GET form: the resident's own district is chosen when they arrive. */
function DistrictFilter({ t, budget, district, place }: BudgetPageProps) {
  return (
    <form method="get" action={`/budgets/${budget.id}`} class="polity-filters">
      <div class="utrecht-form-field">
        <label class="utrecht-form-label" for="district">
          {t.t('budgets.projects.filter')}
        </label>
        <select id="district" name="district">
          <option value="all" selected={district === null}>
            {t.t('budgets.projects.all')}
          </option>
          {budget.districts.map((option) => (
            <option key={option.code} value={option.code} selected={option.code === district}>
              {place(option.code)}
            </option>
          ))}
        </select>
      </div>
      <button class="polity-button polity-button--secondary" type="submit">
        {t.t('budgets.projects.show')}
      </button>
    </form>
  );
}
