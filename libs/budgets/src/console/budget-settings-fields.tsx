import { BALLOT_KINDS } from '@polity/contracts';
import { type FieldError, RadioField, SelectField, TextAreaField, TextField, type Translator, CheckboxField } from '@polity/web';
import { type BudgetDraft, LIMIT_FIELDS, SCHEDULE_FIELDS } from './budget-form';

/** Every setting of a budget, for creating one and for changing it. */
export function BudgetSettingsFields({
  t,
  draft,
  errors,
  timeZone,
}: {
  t: Translator;
  draft: BudgetDraft;
  errors: FieldError[];
  timeZone: string;
}) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  const text = (field: string, type: 'text' | 'number' | 'datetime-local' = 'text', inputClass?: string) => (
    <TextField
      name={field}
      type={type}
      label={t.t(`bc.field.${field}`)}
      value={draft[field]}
      error={error(field)}
      inputClass={inputClass}
    />
  );
  return (
    <>
      {text('title')}
      <TextAreaField
        name="description"
        label={t.t('bc.field.description')}
        rows={4}
        value={draft.description}
        error={error('description')}
      />
      <div class="polity-inline-fields">
        {text('currency')}
        {text('totalAmount', 'number')}
      </div>
      <RadioField
        name="kind"
        legend={t.t('bc.field.kind')}
        value={draft.kind}
        error={error('kind')}
        options={BALLOT_KINDS.map((kind) => ({ value: kind, label: t.t(`bc.kind.${kind}`) }))}
      />
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('bc.field.limits')}</legend>
        <div class="polity-inline-fields">{LIMIT_FIELDS.map((field) => text(field, 'number', 'polity-number'))}</div>
        <CheckboxField name="knapsack" label={t.t('bc.field.knapsack')} checked={draft.knapsack === 'on'} />
      </fieldset>
      <TextAreaField name="districts" label={t.t('bc.field.districts')} rows={3} value={draft.districts} error={error('districts')} />
      <SelectField
        name="districtVoting"
        label={t.t('bc.field.districtVoting')}
        value={draft.districtVoting}
        options={['one', 'all'].map((value) => ({ value, label: t.t(`bc.districtVoting.${value}`) }))}
      />
      <CheckboxField name="requireVerified" label={t.t('bc.field.requireVerified')} checked={draft.requireVerified === 'on'} />
      <CheckboxField name="liveResults" label={t.t('bc.field.liveResults')} checked={draft.liveResults === 'on'} />
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('bc.field.schedule', { zone: timeZone })}</legend>
        <div class="polity-inline-fields">{SCHEDULE_FIELDS.map((field) => text(field, 'datetime-local'))}</div>
      </fieldset>
    </>
  );
}
