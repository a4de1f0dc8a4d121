import type { BudgetView } from '@polity/contracts';
import { ConsoleNotice, ErrorSummary, type FieldError, Layout, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import type { BudgetDraft } from './budget-form';
import { BudgetSettingsFields } from './budget-settings-fields';

export const BUDGETS_CONSOLE = '/staff/budgets';

interface BudgetsConsolePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budgets: BudgetView[];
  draft: BudgetDraft;
  errors: FieldError[];
  refusal?: ComponentChildren;
}

/** Every budget (drafts too) with its phase, and the form that creates one. */
export function BudgetsConsolePage({ t, siteName, web, budgets, draft, errors, refusal }: BudgetsConsolePageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('bc.list.title')} section="staff">
      <ConsoleNotice refusal={refusal} />
      <ErrorSummary t={t} errors={errors} />
      {budgets.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('bc.list.none')}</p>
      ) : (
        <ul class="polity-list">
          {budgets.map((budget) => (
            <li key={budget.id}>
              <a class="utrecht-link" href={`${BUDGETS_CONSOLE}/${budget.id}`}>
                {t.t('bc.list.open', { title: budget.title })}
              </a>
              <p class="polity-meta">
                <strong>{t.t(`bc.phase.${budget.phase}`)}</strong>
                <span>{t.t('bc.amount', { amount: t.amount(budget.totalAmount, budget.currency) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <details class="polity-disclosure">
        <summary>{t.t('bc.import.title')}</summary>
        <form
          method="post"
          action={`${BUDGETS_CONSOLE}/import?_csrf=${encodeURIComponent(web.csrfToken)}`}
          encType="multipart/form-data"
          noValidate
        >
          <div class="utrecht-form-field polity-field">
            <label class="utrecht-form-label" for="file">
              {t.t('bc.import.file')}
            </label>
            <p class="polity-field__hint" id="file-hint">
              {t.t('bc.import.help')}
            </p>
            <input id="file" name="file" type="file" accept=".pb,text/plain" aria-describedby="file-hint" />
          </div>
          <button class="polity-button polity-button--secondary" type="submit">
            {t.t('bc.import.submit')}
          </button>
        </form>
      </details>
      <details class="polity-disclosure" open={errors.length > 0}>
        <summary>{t.t('bc.list.create')}</summary>
        <PostForm web={web} action={BUDGETS_CONSOLE}>
          <BudgetSettingsFields t={t} draft={draft} errors={errors} timeZone={web.timeZone} />
          <button class="polity-button" type="submit">
            {t.t('bc.save.create')}
          </button>
        </PostForm>
      </details>
    </Layout>
  );
}
