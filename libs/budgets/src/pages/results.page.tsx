import type { BudgetView } from '@polity/contracts';
import { BarChart, Layout, type Translator, type WebRequest } from '@polity/web';
import type { OutcomeDto, OutcomeProjectDto, PotOutcomeDto } from '../outcomes/outcomes.dto';
import type { Place } from './budget-parts';
import { mostVotesFirst } from './most-votes-first';

export interface ResultsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  outcome: OutcomeDto | null;
  /** The projects the reader voted for, when they did. */
  mine: string[];
  place: Place;
}

/** The outcome: what won and why, what was spent and left, Equal Shares round by round, and the comparison. */
export function ResultsPage({ t, siteName, web, budget, outcome, mine, place }: ResultsPageProps) {
  const pots = outcome?.pots ?? [];
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('budgets.results.title', { budget: budget.title })} section="budgets">
      {!outcome || pots.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('budgets.results.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--lead">
            {t.t('budgets.results.method', { rule: t.t(`budgets.results.rule.${outcome.rule}`) })}
          </p>
          {pots.map((pot, index) => (
            <PotResults
              key={pot.district ?? index}
              t={t}
              budget={budget}
              outcome={outcome}
              pot={pot}
              mine={mine}
              place={place}
              index={index}
              many={pots.length > 1}
            />
          ))}
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/budgets/${budget.id}`}>
          {t.t('budgets.receipt.back')}
        </a>
      </p>
    </Layout>
  );
}

interface PotProps {
  t: Translator;
  budget: BudgetView;
  outcome: OutcomeDto;
  pot: PotOutcomeDto;
  mine: string[];
  index: number;
  many: boolean;
  place: Place;
}

function PotResults({ t, budget, outcome, pot, mine, index, many, place }: PotProps) {
  const money = (amount: number | string) => t.amount(Number(amount), budget.currency);
  const rounds = new Map(pot.equalShares?.rounds.map((round) => [round.projectId, round.round]) ?? []);
  const why = t.t(`budgets.results.why.${outcome.rule}`);
  const funded = new Set(pot.winners.map((winner) => winner.projectId));
  const all = [...pot.winners, ...pot.notFunded];
  const yours = all.filter((project) => mine.includes(project.projectId));
  const id = `pot-${index}`;
  const Heading = many ? 'h3' : 'h2';
  return (
    <section aria-labelledby={`${id}-title`}>
      {many && (
        <h2 class="utrecht-heading-2" id={`${id}-title`}>
          {t.t('budgets.results.pot', { district: pot.district ? place(pot.district) : '' })}
        </h2>
      )}
      <p class="utrecht-paragraph" id={many ? undefined : `${id}-title`}>
        {t.t('budgets.results.summary', {
          count: pot.winners.length,
          spent: money(pot.totalCost),
          budget: money(pot.budget),
          left: money(pot.leftover),
        })}{' '}
        {t.t('budgets.results.voters', { count: pot.voters })}
      </p>
      <p class="utrecht-paragraph">
        {outcome.rule === 'equal-shares' && pot.equalShares
          ? t.t('budgets.results.explain.equal-shares', { share: money(pot.equalShares.share), voters: t.number(pot.voters) })
          : t.t('budgets.results.explain.greedy')}
        {pot.winners.some((winner) => winner.selectedBy === 'completion') && ` ${t.t('budgets.results.explain.completion')}`}
      </p>
      {yours.length > 0 && (
        <>
          <Heading class={many ? 'utrecht-heading-3' : 'utrecht-heading-2'}>{t.t('budgets.results.yours')}</Heading>
          <ul>
            {yours.map((project) => (
              <li key={project.projectId}>
                {funded.has(project.projectId)
                  ? t.t('budgets.results.yours.won', { title: project.title })
                  : t.t('budgets.results.yours.lost', { title: project.title, why })}
              </li>
            ))}
          </ul>
        </>
      )}
      <Heading class={many ? 'utrecht-heading-3' : 'utrecht-heading-2'}>{t.t('budgets.results.winners')}</Heading>
      <ProjectTable
        t={t}
        budget={budget}
        projects={pot.winners}
        heading={t.t('budgets.results.how')}
        cell={(winner) =>
          winner.selectedBy === 'completion'
            ? t.t('budgets.results.byCompletion')
            : rounds.has(winner.projectId)
              ? t.t('budgets.results.byRound', { round: rounds.get(winner.projectId) ?? 0 })
              : t.t('budgets.results.byVotes')
        }
      />
      {pot.notFunded.length > 0 && (
        <>
          <Heading class={many ? 'utrecht-heading-3' : 'utrecht-heading-2'}>{t.t('budgets.results.notFunded')}</Heading>
          <ProjectTable t={t} budget={budget} projects={pot.notFunded} heading={t.t('budgets.results.why')} cell={() => why} />
        </>
      )}
      {pot.equalShares && pot.equalShares.rounds.length > 0 && <Rounds {...{ t, budget, pot, id, many }} />}
      {outcome.rule === 'equal-shares' && <Comparison t={t} pot={pot} many={many} />}
    </section>
  );
}

function Rounds({ t, budget, pot, id, many }: { t: Translator; budget: BudgetView; pot: PotOutcomeDto; id: string; many: boolean }) {
  const report = pot.equalShares;
  if (!report) return null;
  const money = (amount: number | string) => t.amount(Number(amount), budget.currency);
  const perVoter = (total: string) => (pot.voters > 0 ? Math.round((Number(total) / pot.voters) * 100) / 100 : 0);
  const stages = [
    { label: t.t('budgets.results.money.start'), value: Number(report.share) },
    ...report.rounds.map((round) => ({
      label: t.t('budgets.results.money.after', { round: round.round }),
      value: perVoter(round.moneyLeft),
    })),
  ];
  return (
    <>
      {many ? (
        <h3 class="utrecht-heading-3">{t.t('budgets.results.rounds')}</h3>
      ) : (
        <h2 class="utrecht-heading-2">{t.t('budgets.results.rounds')}</h2>
      )}
      <ol class="polity-rounds">
        {report.rounds.map((round) => (
          <li key={round.round}>
            <p class="utrecht-paragraph">
              <strong>{t.t('budgets.results.round', { round: round.round, title: round.title })}</strong>
            </p>
            <p class="utrecht-paragraph">
              {t.t('budgets.results.round.body', {
                supporters: round.supporters,
                payment: money(round.maxPayment),
                full: round.payingFull,
                all: round.payingAllTheyHad,
                left: money(round.moneyLeft),
              })}
            </p>
          </li>
        ))}
      </ol>
      <BarChart
        t={t}
        id={`${id}-money`}
        title={t.t('budgets.results.money')}
        rows={stages.map((stage) => ({ label: stage.label, value: stage.value, shown: money(stage.value) }))}
        headings={{ label: t.t('budgets.results.money.stage'), value: t.t('budgets.results.money.average') }}
      />
    </>
  );
}

function Comparison({ t, pot, many }: { t: Translator; pot: PotOutcomeDto; many: boolean }) {
  const greedy = new Set(mostVotesFirst(pot));
  const funded = new Set(pot.winners.map((winner) => winner.projectId));
  const all = [...pot.winners, ...pot.notFunded];
  const same = all.every((project) => greedy.has(project.projectId) === funded.has(project.projectId));
  const Heading = many ? 'h3' : 'h2';
  return (
    <>
      <Heading class={many ? 'utrecht-heading-3' : 'utrecht-heading-2'}>{t.t('budgets.results.compare')}</Heading>
      {same ? (
        <p class="utrecht-paragraph">{t.t('budgets.results.compare.same')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t.t('budgets.results.compare.intro')}</p>
          <div class="polity-table-scroll">
            <table class="polity-table">
              <thead>
                <tr>
                  <th scope="col">{t.t('budgets.results.project')}</th>
                  <th scope="col">{t.t('budgets.results.column.equal-shares')}</th>
                  <th scope="col">{t.t('budgets.results.column.greedy')}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((project) => (
                  <tr key={project.projectId}>
                    <th scope="row">{project.title}</th>
                    <td>{t.t(funded.has(project.projectId) ? 'budgets.results.compare.funded' : 'budgets.results.compare.notFunded')}</td>
                    <td>{t.t(greedy.has(project.projectId) ? 'budgets.results.compare.funded' : 'budgets.results.compare.notFunded')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** Projects with their cost and votes, and one more column that says how each fared. */
function ProjectTable<P extends OutcomeProjectDto>({
  t,
  budget,
  projects,
  heading,
  cell,
}: {
  t: Translator;
  budget: BudgetView;
  projects: P[];
  heading: string;
  cell: (project: P) => string;
}) {
  return (
    <div class="polity-table-scroll">
      <table class="polity-table">
        <thead>
          <tr>
            <th scope="col">{t.t('budgets.results.project')}</th>
            <th scope="col">{t.t('budgets.results.cost')}</th>
            <th scope="col">{t.t('budgets.results.votes')}</th>
            <th scope="col">{heading}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.projectId}>
              <th scope="row">{project.title}</th>
              <td>{t.amount(project.cost, budget.currency)}</td>
              <td>{t.number(project.votes)}</td>
              <td>{cell(project)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
