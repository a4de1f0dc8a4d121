import type { BudgetProjectView, BudgetView } from '@polity/contracts';
import {
  ConsoleNotice,
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  SelectField,
  TextAreaField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { ComponentChildren } from 'preact';
import { BudgetNav } from './budget-nav';
import { BUDGETS_CONSOLE } from './budgets-console.page';
import type { LineProblem, PaperDraft } from './paper-ballot-form';

interface PaperBallotsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  projects: BudgetProjectView[];
  entered: number;
  draft: PaperDraft;
  errors: FieldError[];
  csv: string;
  csvProblems: LineProblem[];
  news?: string;
  refusal?: ComponentChildren;
}

/**
 * Paper ballots, entered one after another from the keyboard (the reference first, then a mark per
 * numbered project, Enter to record), or many at once as CSV lines.
 */
export function PaperBallotsPage(props: PaperBallotsPageProps) {
  const { t, web, budget, projects, draft, errors } = props;
  const kind = budget.ballot.kind;
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  const base = `${BUDGETS_CONSOLE}/${budget.id}/paper-ballots`;
  const column = kind === 'approval' ? t.t('bc.paper.approve') : kind === 'cumulative' ? t.t('bc.paper.points') : t.t('bc.paper.rank');
  return (
    <Layout t={t} siteName={props.siteName} web={web} title={t.t('bc.paper.title', { title: budget.title })} section="staff">
      <BudgetNav t={t} budget={budget} current="paper" />
      <ConsoleNotice news={props.news} refusal={props.refusal} />
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t('bc.paper.intro')}</p>
      <p class="utrecht-paragraph">
        <strong>{t.t('bc.paper.count', { count: props.entered })}</strong>
      </p>
      <PostForm web={web} action={base}>
        <div class="utrecht-form-field polity-field">
          <label class="utrecht-form-label" for="reference">
            {t.t('bc.paper.reference')}
          </label>
          {error('reference') && (
            <p class="polity-field__error" id="reference-error">
              {error('reference')}
            </p>
          )}
          {/* The entry screen exists to type into: the reference takes the focus, ballot after ballot. */}
          <input
            class="utrecht-textbox"
            id="reference"
            name="reference"
            value={draft.reference}
            autoFocus
            autoComplete="off"
            aria-invalid={error('reference') ? 'true' : undefined}
            aria-describedby={error('reference') ? 'reference-error' : undefined}
          />
        </div>
        {budget.districts.length > 0 && (
          <SelectField
            name="district"
            label={t.t('bc.paper.district')}
            value={draft.district}
            options={budget.districts.map((district) => ({ value: district.code, label: district.code }))}
          />
        )}
        <div class="polity-table-scroll">
          <table class="polity-table">
            <caption class="polity-visually-hidden">{t.t('bc.paper.choices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('bc.paper.number')}</th>
                <th scope="col">{t.t('bc.projects.project')}</th>
                <th scope="col">{column}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project, index) => {
                const number = index + 1;
                const id = `p${number}`;
                return (
                  <tr key={project.id}>
                    <td>{number}</td>
                    <th scope="row">
                      <label for={id}>
                        {project.title} ({t.amount(project.cost, budget.currency)}
                        {project.district && `, ${project.district}`})
                      </label>
                    </th>
                    <td>
                      {kind === 'approval' ? (
                        <input type="checkbox" id={id} name={id} checked={draft.marks[number] !== undefined} />
                      ) : (
                        <input
                          class="utrecht-textbox polity-number"
                          type="number"
                          min={kind === 'ordinal' ? 1 : 0}
                          id={id}
                          name={id}
                          value={draft.marks[number] ?? ''}
                          aria-invalid={error(id) ? 'true' : undefined}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button class="polity-button" type="submit">
          {t.t('bc.paper.submit')}
        </button>
      </PostForm>
      <section aria-labelledby="import-title">
        <h2 class="utrecht-heading-2" id="import-title">
          {t.t('bc.paper.import.title')}
        </h2>
        {props.csvProblems.length > 0 && (
          <div class="polity-error-summary" role="alert">
            <p class="utrecht-paragraph">{t.t('bc.paper.import.errors')}</p>
            <ul>
              {props.csvProblems.map((problem) => (
                <li key={`${problem.line}-${problem.problem}`}>
                  {t.t('bc.paper.import.line', { line: problem.line, problem: problem.problem })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <PostForm web={web} action={`${base}/import`}>
          <TextAreaField name="csv" label={t.t('bc.paper.import.csv')} hint={t.t('bc.paper.import.help')} rows={8} value={props.csv} />
          <button class="polity-button polity-button--secondary" type="submit">
            {t.t('bc.paper.import.submit')}
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}
