import { Injectable } from '@nestjs/common';
import { DistrictsService } from '@polity/districts';
import { ProblemException, renderMarkdown, SiteConfig } from '@polity/platform';
import { type FieldError, formText, pageTranslator, renderPage, seeOther, type Translator, type WebRequest } from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { CreateProposalDto } from '../proposals.dto';
import { type ProposalDraft, ProposalFormPage } from './proposal-form.page';
import { PROPOSALS_MESSAGES } from './proposals.messages';

const FIELDS = ['title', 'body', 'tags', 'district'] as const;

/** A proposal form as sent: what was typed (to show again), the input it makes, and what is wrong with it. */
async function readProposalForm(
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

/**
 * The proposal form, to make one or to edit one's own: shown, previewed, sent back with its
 * problems, or saved and on to the proposal. Both pages' controllers say only who may and how it is saved.
 */
@Injectable()
export class ProposalForms {
  constructor(
    private readonly districts: DistrictsService,
    private readonly site: SiteConfig,
  ) {}

  async page(web: WebRequest, draft: ProposalDraft, errors: FieldError[], options: { editing?: string; previewHtml?: string } = {}) {
    return renderPage(
      <ProposalFormPage
        t={pageTranslator(web, PROPOSALS_MESSAGES)}
        siteName={this.site.name}
        web={web}
        districts={await this.districts.list()}
        draft={draft}
        errors={errors}
        previewHtml={options.previewHtml}
        editing={options.editing}
      />,
    );
  }

  /** `save` stores the input and answers the proposal's id; a refusal the writer can act on comes back beside the form. */
  async submit(
    web: WebRequest,
    form: Record<string, unknown>,
    response: Response,
    save: (input: CreateProposalDto) => Promise<string>,
    editing?: string,
  ): Promise<string | undefined> {
    const t = pageTranslator(web, PROPOSALS_MESSAGES);
    const { draft, input, errors } = await readProposalForm(form, t);
    if (form.action === 'preview' || errors.length > 0) {
      if (errors.length > 0) response.status(422);
      const previewHtml = form.action === 'preview' ? renderMarkdown(input.body ?? '') : undefined;
      return this.page(web, draft, errors, { editing, previewHtml });
    }
    try {
      return seeOther(response, `/proposals/${await save(input)}`);
    } catch (error) {
      if (!(error instanceof ProblemException) || ![403, 409, 422, 429].includes(error.getStatus())) throw error;
      const body = error.getResponse() as { code?: string; detail?: string };
      const refusal: FieldError =
        body.code === 'unknown_district'
          ? { field: 'district', message: t.t('proposals.new.invalid.district') }
          : { field: 'title', message: t.t(editing ? 'proposals.edit.closed' : 'proposals.new.refused', { reason: body.detail ?? '' }) };
      response.status(error.getStatus() === 429 ? 429 : 422);
      return this.page(web, draft, [refusal], { editing });
    }
  }
}
