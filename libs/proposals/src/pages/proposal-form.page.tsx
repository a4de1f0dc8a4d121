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

export interface ProposalDraft {
  title?: string;
  body?: string;
  tags?: string;
  district?: string;
}

export interface ProposalFormProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  districts: { code: string; name: string }[];
  draft: ProposalDraft;
  errors: FieldError[];
  /** The body rendered as it will be published, when the author asked for a preview. */
  previewHtml?: string;
  /** Absent for a new proposal; the proposal being edited otherwise. */
  editing?: string;
}

/** The proposal form, to make one or edit one's own: preview (a second button, so it works without JavaScript), then publish. */
export function ProposalFormPage({ t, siteName, web, districts, draft, errors, previewHtml, editing }: ProposalFormProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t(editing ? 'proposals.edit.title' : 'proposals.new.title')} section="proposals">
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t(editing ? 'proposals.edit.intro' : 'proposals.new.intro')}</p>
      {previewHtml !== undefined && (
        <section class="polity-notice" aria-labelledby="preview-title" data-preview-of="body">
          <h2 class="utrecht-heading-2" id="preview-title">
            {t.t('proposals.new.previewTitle')}
          </h2>
          {/* Markdown rendered to the allow-listed subset, exactly as it will be published. */}
          <div class="polity-body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </section>
      )}
      <PostForm web={web} action={editing ? `/proposals/${editing}/edit` : '/proposals/new'}>
        <TextField name="title" label={t.t('proposals.new.field.title')} value={draft.title} error={errorOf('title')} />
        <TextAreaField
          name="body"
          label={t.t('proposals.new.field.body')}
          hint={t.t('proposals.new.field.bodyHint')}
          value={draft.body}
          error={errorOf('body')}
          rows={10}
          preview={t.t('proposals.new.previewTitle')}
        />
        <TextField
          name="tags"
          label={`${t.t('proposals.new.field.tags')} — ${t.t('proposals.new.field.tagsHint')}`}
          value={draft.tags}
          error={errorOf('tags')}
        />
        <SelectField
          name="district"
          label={t.t('proposals.new.field.district')}
          value={draft.district}
          options={[{ value: '', label: t.t('proposals.new.noDistrict') }, ...districts.map((d) => ({ value: d.code, label: d.name }))]}
        />
        <div class="polity-actions">
          <button class="polity-button polity-button--secondary" type="submit" name="action" value="preview">
            {t.t('proposals.new.preview')}
          </button>
          <button class="polity-button" type="submit" name="action" value="publish">
            {t.t(editing ? 'proposals.edit.save' : 'proposals.new.publish')}
          </button>
        </div>
      </PostForm>
      {editing && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/proposals/${editing}`}>
            {t.t('proposals.back')}
          </a>
        </p>
      )}
    </Layout>
  );
}
