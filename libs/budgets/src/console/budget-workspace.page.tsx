import { BUDGET_PHASES, type BudgetPhase, type BudgetProjectView, type BudgetView } from '@polity/contracts';
import {
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  RadioField,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
  CheckboxField,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import type { BudgetDraft } from './budget-form';
import { BudgetNav } from './budget-nav';
import { ProjectFields, projectDraftOf } from './project-form';
import { BudgetSettingsFields } from './budget-settings-fields';
import { BUDGETS_CONSOLE } from './budgets-console.page';

const MOVABLE: BudgetPhase[] = ['proposing', 'reviewing', 'voting', 'closed'];

export interface WorkspaceState {
  /** Which form was sent with problems: `settings`, `project`, `review:<projectId>`, `edit:<projectId>`, `proposal`. */
  form?: string;
  draft?: BudgetDraft;
  errors: FieldError[];
  news?: string;
  refusal?: ComponentChildren;
}

interface BudgetWorkspacePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  projects: BudgetProjectView[];
  settings: BudgetDraft;
  state: WorkspaceState;
}

/** One budget as an official runs it: its phase and the moves it allows, its settings, its projects and their review. */
export function BudgetWorkspacePage({ t, siteName, web, budget, projects, settings, state }: BudgetWorkspacePageProps) {
  const base = `${BUDGETS_CONSOLE}/${budget.id}`;
  const sent = (form: string) => (state.form === form ? state : undefined);
  const later = MOVABLE.filter((phase) => BUDGET_PHASES.indexOf(phase) > BUDGET_PHASES.indexOf(budget.phase));
  return (
    <Layout t={t} siteName={siteName} web={web} title={budget.title} section="staff">
      <BudgetNav t={t} budget={budget} current="settings" />
      <ConsoleNotice news={state.news} refusal={state.refusal} />
      <ErrorSummary t={t} errors={state.errors} />
      <section aria-labelledby="phase-title">
        <h2 class="utrecht-heading-2" id="phase-title">
          {t.t('bc.phase.title')}
        </h2>
        <p class="utrecht-paragraph">
          <strong>{t.t('bc.phase.now', { phase: t.t(`bc.phase.${budget.phase}`) })}</strong> ·{' '}
          {t.t('bc.amount', { amount: t.amount(budget.totalAmount, budget.currency) })}
        </p>
        <div class="polity-actions">
          {later.map((phase) => (
            <PostForm key={phase} web={web} action={`${base}/phase`}>
              <input type="hidden" name="phase" value={phase} />
              <button class="polity-button polity-button--secondary" type="submit">
                {t.t('bc.phase.move', { phase: t.t(`bc.phase.${phase}`) })}
              </button>
            </PostForm>
          ))}
        </div>
      </section>
      <section aria-labelledby="projects-title">
        <h2 class="utrecht-heading-2" id="projects-title">
          {t.t('bc.projects.title')}
        </h2>
        {projects.length === 0 ? (
          <p class="utrecht-paragraph">{t.t('bc.projects.none')}</p>
        ) : (
          <ul class="polity-console-list">
            {projects.map((project) => (
              <ProjectReview
                key={project.id}
                t={t}
                web={web}
                base={base}
                budget={budget}
                project={project}
                sent={sent(`review:${project.id}`)}
                edited={sent(`edit:${project.id}`)}
              />
            ))}
          </ul>
        )}
        <details class="polity-disclosure" open={sent('project') !== undefined}>
          <summary>{t.t('bc.project.add')}</summary>
          <PostForm web={web} action={`${base}/projects`}>
            <ProjectFields t={t} prefix="new-" draft={sent('project')?.draft ?? {}} errors={sent('project')?.errors ?? []} />
            <CheckboxField
              name="feasible"
              id="new-feasible"
              label={t.t('bc.project.feasible')}
              checked={sent('project')?.draft?.feasible === 'on'}
            />
            <button class="polity-button" type="submit">
              {t.t('bc.project.save')}
            </button>
          </PostForm>
        </details>
        <details class="polity-disclosure" open={sent('proposal') !== undefined}>
          <summary>{t.t('bc.fromProposal.title')}</summary>
          <PostForm web={web} action={`${base}/projects/from-proposal`}>
            <TextField
              name="proposal"
              type="url"
              label={t.t('bc.fromProposal.address')}
              value={sent('proposal')?.draft?.proposal}
              error={sent('proposal')?.errors.find((e) => e.field === 'proposal')?.message}
            />
            <div class="polity-inline-fields">
              <TextField
                name="cost"
                type="number"
                label={t.t('bc.fromProposal.cost')}
                value={sent('proposal')?.draft?.cost}
                error={sent('proposal')?.errors.find((e) => e.field === 'cost')?.message}
              />
              <TextField name="district" label={t.t('bc.fromProposal.district')} value={sent('proposal')?.draft?.district} />
            </div>
            <button class="polity-button" type="submit">
              {t.t('bc.fromProposal.submit')}
            </button>
          </PostForm>
        </details>
      </section>
      <section aria-labelledby="settings-title">
        <h2 class="utrecht-heading-2" id="settings-title">
          {t.t('bc.settings.title')}
        </h2>
        <details class="polity-disclosure" open={sent('settings') !== undefined}>
          <summary>{t.t('bc.settings.change')}</summary>
          <PostForm web={web} action={base}>
            <BudgetSettingsFields
              t={t}
              draft={sent('settings')?.draft ?? settings}
              errors={sent('settings')?.errors ?? []}
              timeZone={web.timeZone}
            />
            <button class="polity-button" type="submit">
              {t.t('bc.save.update')}
            </button>
          </PostForm>
        </details>
      </section>
    </Layout>
  );
}

function ProjectReview(props: {
  t: Translator;
  web: WebRequest;
  base: string;
  budget: BudgetView;
  project: BudgetProjectView;
  sent: WorkspaceState | undefined;
  edited: WorkspaceState | undefined;
}) {
  const { t, web, project, sent } = props;
  const id = `review-${project.id}`;
  return (
    <li class="polity-console-card">
      <h3 class="utrecht-heading-3">{project.title}</h3>
      <p class="polity-meta">
        <span>{t.amount(project.cost, props.budget.currency)}</span>
        {project.district && <span>{project.district}</span>}
        <strong>{t.t(`bc.feasibility.${project.feasibility}`)}</strong>
      </p>
      {project.unfeasibleReason && <p class="utrecht-paragraph">{project.unfeasibleReason}</p>}
      <PostForm web={web} action={`${props.base}/projects/${project.id}/review`}>
        <div class="polity-decide-fields">
          <RadioField
            name="feasibility"
            id={`${id}-feasibility`}
            legend={t.t('bc.review.legend', { title: project.title })}
            value={sent?.draft?.feasibility ?? (project.feasibility === 'unfeasible' ? 'unfeasible' : 'feasible')}
            options={[
              { value: 'feasible', label: t.t('bc.feasibility.feasible') },
              { value: 'unfeasible', label: t.t('bc.feasibility.unfeasible') },
            ]}
          />
          <TextAreaField
            name="reason"
            id={`${id}-reason`}
            label={t.t('bc.review.reason')}
            rows={2}
            value={sent?.draft?.reason ?? project.unfeasibleReason ?? ''}
            error={sent?.errors[0]?.message}
          />
        </div>
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('bc.review.submit')}
        </button>
      </PostForm>
      <details class="polity-disclosure" open={props.edited !== undefined}>
        <summary>{t.t('bc.project.edit', { title: project.title })}</summary>
        <PostForm web={web} action={`${props.base}/projects/${project.id}`}>
          <ProjectFields
            t={t}
            prefix={`edit-${project.id}-`}
            draft={props.edited?.draft ?? projectDraftOf(project)}
            errors={props.edited?.errors ?? []}
          />
          <button class="polity-button polity-button--secondary" type="submit">
            {t.t('bc.project.save')}
          </button>
        </PostForm>
      </details>
    </li>
  );
}
