import type { BudgetProjectView } from '@polity/contracts';
import { type FieldError, formText, TextAreaField, TextField, type Translator } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateBudgetProjectDto } from '../projects/budget-projects.dto';

const FIELDS = ['title', 'description', 'cost', 'district', 'category'] as const;

export type ProjectDraft = Record<(typeof FIELDS)[number] | 'feasible', string>;

export const projectDraftOf = (project: BudgetProjectView): ProjectDraft => ({
  title: project.title,
  description: project.description,
  cost: String(project.cost),
  district: project.district ?? '',
  category: project.category ?? '',
  feasible: '',
});

/** A project as an official types it, checked by the api's DTO; errors keyed by the form's field ids (`prefix` + field). */
export async function readProjectForm(
  t: Translator,
  form: Record<string, unknown>,
  prefix: string,
): Promise<{ input: CreateBudgetProjectDto; draft: ProjectDraft; errors: FieldError[] }> {
  const draft = {
    title: formText(form.title, 300),
    description: formText(form.description, 10_000),
    cost: formText(form.cost, 20).trim(),
    district: formText(form.district, 40).trim(),
    category: formText(form.category, 60).trim(),
    feasible: form.feasible === 'on' ? 'on' : '',
  };
  const input = plainToInstance(CreateBudgetProjectDto, {
    title: draft.title,
    description: draft.description,
    cost: /^\d{1,15}$/.test(draft.cost) ? Number(draft.cost) : Number.NaN,
    ...(draft.district && { district: draft.district }),
    ...(draft.category && { category: draft.category }),
    ...(draft.feasible && { feasibility: 'feasible' }),
  });
  const invalid = new Set((await validate(input)).map((error) => error.property));
  const errors = FIELDS.filter((field) => invalid.has(field)).map((field) => ({
    field: `${prefix}${field}`,
    message: t.t(`bc.project.invalid.${field}`),
  }));
  return { input, draft, errors };
}

/** A project's fields; `prefix` keeps several forms' ids apart. */
export function ProjectFields({
  t,
  prefix,
  draft,
  errors,
}: {
  t: Translator;
  prefix: string;
  draft: Partial<ProjectDraft>;
  errors: FieldError[];
}) {
  const error = (field: string) => errors.find((problem) => problem.field === `${prefix}${field}`)?.message;
  return (
    <>
      <TextField name="title" id={`${prefix}title`} label={t.t('bc.project.title')} value={draft.title} error={error('title')} />
      <TextAreaField
        name="description"
        id={`${prefix}description`}
        label={t.t('bc.project.description')}
        rows={3}
        value={draft.description}
        error={error('description')}
      />
      <div class="polity-inline-fields">
        <TextField
          name="cost"
          id={`${prefix}cost`}
          type="number"
          inputClass="polity-number"
          label={t.t('bc.project.cost')}
          value={draft.cost}
          error={error('cost')}
        />
        <TextField
          name="district"
          id={`${prefix}district`}
          label={t.t('bc.project.district')}
          value={draft.district}
          error={error('district')}
        />
        <TextField
          name="category"
          id={`${prefix}category`}
          label={t.t('bc.project.category')}
          value={draft.category}
          error={error('category')}
        />
      </div>
    </>
  );
}
