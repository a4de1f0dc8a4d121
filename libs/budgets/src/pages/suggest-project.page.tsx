import type { BudgetView } from '@polity/contracts';
import {
  ErrorSummary,
  type FieldError,
  Layout,
  PostForm,
  SelectField,
  TextAreaField,
  TextField,
  type Translator,
  type WebRequest,
} from '@polity/web';

export interface ProjectDraft {
  title: string;
  description: string;
  cost: string;
  district: string;
}

/** A resident suggests a project while the budget gathers ideas; officials review it before the vote. */
export function SuggestProjectPage(props: {
  t: Translator;
  siteName: string;
  web: WebRequest;
  budget: BudgetView;
  draft: ProjectDraft;
  errors: FieldError[];
}) {
  const { t, siteName, web, budget, draft, errors } = props;
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('budgets.suggest.title')} section="budgets">
      <p class="utrecht-paragraph">{t.t('budgets.suggest.intro', { budget: budget.title })}</p>
      <ErrorSummary t={t} errors={errors} />
      <PostForm web={web} action={`/budgets/${budget.id}/suggest`}>
        <TextField name="title" label={t.t('budgets.suggest.name')} value={draft.title} error={error('title')} required />
        <TextAreaField
          name="description"
          label={t.t('budgets.suggest.description')}
          value={draft.description}
          error={error('description')}
          rows={8}
        />
        <TextField
          name="cost"
          label={t.t('budgets.suggest.cost', { currency: budget.currency })}
          value={draft.cost}
          error={error('cost')}
        />
        {budget.districts.length > 0 && (
          <SelectField
            name="district"
            label={t.t('budgets.suggest.district')}
            value={draft.district}
            options={budget.districts.map((district) => ({ value: district.code, label: district.code }))}
          />
        )}
        <button class="polity-button" type="submit">
          {t.t('budgets.suggest.send')}
        </button>
      </PostForm>
    </Layout>
  );
}
