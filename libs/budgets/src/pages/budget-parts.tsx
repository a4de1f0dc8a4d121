import type { BudgetProjectView, BudgetTallyView, BudgetView } from '@polity/contracts';
import { BarChart, type Translator } from '@polity/web';

/** A district's name for its code (the code itself for one the site does not know). */
export type Place = (code: string) => string;

/** Where a budget stands: its phase, its money, and the dates of its phases, with how long voting has left. */
export function BudgetFacts({ t, budget }: { t: Translator; budget: BudgetView }) {
  const { schedule } = budget;
  const dates: string[] = [];
  if (budget.phase === 'draft' || budget.phase === 'proposing') {
    if (schedule.proposingStartsAt)
      dates.push(t.t('budgets.dates.proposing', { date: t.date(schedule.proposingStartsAt, { dateOnly: true }) }));
    if (schedule.reviewingStartsAt)
      dates.push(t.t('budgets.dates.reviewing', { date: t.date(schedule.reviewingStartsAt, { dateOnly: true }) }));
  }
  if (schedule.votingStartsAt && ['draft', 'proposing', 'reviewing'].includes(budget.phase)) {
    dates.push(t.t('budgets.dates.votingStarts', { date: t.date(schedule.votingStartsAt) }));
  }
  if (schedule.votingEndsAt && budget.phase !== 'voting' && budget.phase !== 'published') {
    dates.push(t.t('budgets.dates.votingEnds', { date: t.date(schedule.votingEndsAt) }));
  }
  return (
    <>
      <ul class="polity-facts">
        <li>
          <strong>{t.t(`budgets.phase.${budget.phase}`)}</strong>
        </li>
        <li>{t.t('budgets.amount', { amount: t.amount(budget.totalAmount, budget.currency) })}</li>
        {dates.map((date) => (
          <li key={date}>{date}</li>
        ))}
      </ul>
      {budget.phase === 'voting' && schedule.votingEndsAt && (
        <p class="polity-deadline">
          {t.t('budgets.dates.closesIn', { relative: t.relative(schedule.votingEndsAt), date: t.date(schedule.votingEndsAt) })}
        </p>
      )}
    </>
  );
}

/** The running votes as a chart with their table; ordinal and cumulative ballots count points too. */
export function TallyChart({
  t,
  budget,
  tally,
  projects,
}: {
  t: Translator;
  budget: BudgetView;
  tally: BudgetTallyView;
  projects: readonly BudgetProjectView[];
}) {
  const titles = new Map(projects.map((project) => [project.id, project.title]));
  const byPoints = budget.ballot.kind !== 'approval';
  const rows = tally.projects
    .filter((row) => titles.has(row.projectId))
    .map((row) => {
      const value = byPoints ? row.points : row.votes;
      return {
        label: titles.get(row.projectId) ?? '',
        value,
        shown: t.t(byPoints ? 'budgets.tally.pointCount' : 'budgets.tally.voteCount', { count: value }),
      };
    })
    .sort((a, b) => b.value - a.value);
  return (
    <section aria-labelledby="tally-title">
      <h2 class="utrecht-heading-2" id="tally-title">
        {t.t(budget.phase === 'voting' ? 'budgets.tally.title' : 'budgets.tally.final')}
      </h2>
      <p class="utrecht-paragraph">{t.t('budgets.tally.ballots', { count: tally.ballots })}</p>
      {rows.length > 0 && (
        <BarChart
          t={t}
          id="tally"
          title={t.t('budgets.results.chart')}
          rows={rows}
          headings={{ label: t.t('budgets.tally.project'), value: t.t(byPoints ? 'budgets.tally.points' : 'budgets.tally.votes') }}
        />
      )}
    </section>
  );
}

/** One project as the budget's list shows it: what it is, what it costs, where, and whether it can be done. */
export function ProjectFacts({
  t,
  budget,
  project,
  place,
}: {
  t: Translator;
  budget: BudgetView;
  project: BudgetProjectView;
  place: Place;
}) {
  return (
    <p class="polity-meta">
      <span>{t.t('budgets.project.cost', { amount: t.amount(project.cost, budget.currency) })}</span>
      {project.district && <span>{t.t('budgets.project.district', { district: place(project.district) })}</span>}
      {project.category && <span>{t.t('budgets.project.category', { category: project.category })}</span>}
      <span>
        {project.feasibility === 'unfeasible' && project.unfeasibleReason
          ? t.t('budgets.project.unfeasible', { reason: project.unfeasibleReason })
          : t.t(`budgets.project.feasibility.${project.feasibility}`)}
      </span>
      {project.suggestedBy && <span>{t.t('budgets.project.suggestedBy', { name: project.suggestedBy.displayName })}</span>}
    </p>
  );
}

/** A budget's description: plain text, a paragraph per blank line. */
export function PlainText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p class="utrecht-paragraph polity-body" key={index}>
            {paragraph}
          </p>
        ))}
    </>
  );
}
