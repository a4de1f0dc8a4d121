import { type FieldError, formText, type Translator } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateProposalDto } from '../proposals.dto';
import type { ProposalDraft } from './proposal-form.page';

const FIELDS = ['title', 'body', 'tags', 'district'] as const;

/** A proposal form as sent: what was typed (to show again), the input it makes, and what is wrong with it. */
export async function readProposalForm(
  form: Record<string, unknown>,
  t: Translator,
): Promise<{ draft: ProposalDraft; input: CreateProposalDto; errors: FieldError[] }> {
  const draft: ProposalDraft = {
    title: formText(form.title, 300),
    body: formText(form.body, 20_000),
    tags: formText(form.tags, 500),
    district: formText(form.district, 40),
  };
  const input = plainToInstance(CreateProposalDto, {
    title: draft.title,
    body: draft.body,
    tags: (draft.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    ...(draft.district ? { district: draft.district } : {}),
  });
  const errors: FieldError[] = (await validate(input))
    .map((error) => error.property)
    .filter((field): field is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(field))
    .map((field) => ({ field, message: t.t(`proposals.new.invalid.${field}`) }));
  return { draft, input, errors };
}

/** A refusal from the proposals service, beside the field it is about. */
export function proposalRefusal(body: { code?: string; detail?: string }, t: Translator, message: string): FieldError {
  return body.code === 'unknown_district'
    ? { field: 'district', message: t.t('proposals.new.invalid.district') }
    : { field: 'title', message: t.t(message, { reason: body.detail ?? '' }) };
}
