import { CONDITION_OPERATORS, QUESTION_TYPES, type QuestionView } from '@polity/contracts';
import { type FieldError, SelectField, TextAreaField, TextField, type Translator, CheckboxField } from '@polity/web';
import type { QuestionDraft } from './question-form';

/**
 * Every field a question may have, grouped by the types that use them (a field that does not apply
 * to the chosen type is ignored, as by the api). `earlier` are the questions a condition may name.
 */
export function QuestionFields({
  t,
  draft,
  errors,
  earlier,
}: {
  t: Translator;
  draft: QuestionDraft;
  errors: FieldError[];
  earlier: QuestionView[];
}) {
  const error = (field: string) => errors.find((problem) => problem.field === field)?.message;
  const number = (field: string) => (
    <TextField
      name={field}
      type="number"
      inputClass="polity-number"
      label={t.t(`sc.q.${field}`)}
      value={draft[field]}
      error={error(field)}
    />
  );
  return (
    <>
      <div class="polity-inline-fields">
        <SelectField
          name="type"
          label={t.t('sc.q.type')}
          value={draft.type}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t.t(`sc.type.${type}`) }))}
        />
        <TextField name="key" label={t.t('sc.q.key')} value={draft.key} error={error('key')} />
      </div>
      <TextField name="title" label={t.t('sc.q.title')} value={draft.title} error={error('title')} />
      <TextAreaField name="description" label={t.t('sc.q.description')} rows={2} value={draft.description} error={error('description')} />
      <CheckboxField name="required" label={t.t('sc.q.required')} checked={draft.required === 'on'} />
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('sc.q.choices')}</legend>
        <TextAreaField name="options" label={t.t('sc.q.options')} rows={4} value={draft.options} error={error('options')} />
        <CheckboxField name="allowOther" label={t.t('sc.q.allowOther')} checked={draft.allowOther === 'on'} />
        <div class="polity-inline-fields">
          {number('minChoices')}
          {number('maxChoices')}
          {number('rankCount')}
        </div>
        <TextAreaField name="rows" label={t.t('sc.q.rows')} rows={3} value={draft.rows} error={error('rows')} />
      </fieldset>
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('sc.q.text')}</legend>
        <div class="polity-inline-fields">
          {number('minLength')}
          {number('maxLength')}
        </div>
      </fieldset>
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('sc.q.numbers')}</legend>
        <div class="polity-inline-fields">
          {number('min')}
          {number('max')}
          {number('scalePoints')}
        </div>
        <CheckboxField name="integer" label={t.t('sc.q.integer')} checked={draft.integer === 'on'} />
        <div class="polity-inline-fields">
          <TextField name="lowLabel" label={t.t('sc.q.lowLabel')} value={draft.lowLabel} error={error('lowLabel')} />
          <TextField name="highLabel" label={t.t('sc.q.highLabel')} value={draft.highLabel} error={error('highLabel')} />
        </div>
      </fieldset>
      <fieldset class="utrecht-form-fieldset polity-field">
        <legend class="utrecht-form-label">{t.t('sc.q.condition')}</legend>
        <SelectField
          name="conditionQuestion"
          label={t.t('sc.q.conditionQuestion')}
          value={draft.conditionQuestion}
          error={error('conditionQuestion')}
          options={[
            { value: '', label: t.t('sc.q.noCondition') },
            ...earlier
              .filter((question) => question.type !== 'section')
              .map((question) => ({ value: question.key, label: question.title })),
          ]}
        />
        <div class="polity-inline-fields">
          <SelectField
            name="operator"
            label={t.t('sc.q.operator')}
            value={draft.operator}
            options={CONDITION_OPERATORS.map((operator) => ({ value: operator, label: t.t(`sc.operator.${operator}`) }))}
          />
          <TextField name="conditionValue" label={t.t('sc.q.conditionValue')} value={draft.conditionValue} />
          <TextField
            name="conditionMin"
            type="number"
            inputClass="polity-number"
            label={t.t('sc.q.conditionMin')}
            value={draft.conditionMin}
          />
          <TextField
            name="conditionMax"
            type="number"
            inputClass="polity-number"
            label={t.t('sc.q.conditionMax')}
            value={draft.conditionMax}
          />
        </div>
      </fieldset>
    </>
  );
}
