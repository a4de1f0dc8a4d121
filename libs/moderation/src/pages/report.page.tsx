import { REPORT_REASONS, type ResourceKind } from '@polity/contracts';
import { ErrorSummary, type FieldError, Layout, PostForm, RadioField, TextAreaField, type Translator, type WebRequest } from '@polity/web';

export interface ReportTarget {
  kind: ResourceKind;
  id: string;
  /** Where the reader came from (a path of this site), to go back to. */
  back: string;
}

export interface ReportPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  target: ReportTarget;
  reason?: string;
  note?: string;
  errors: FieldError[];
  /** The report went through: thank, and offer the way back. */
  sent?: boolean;
}

const TITLED = new Set(['proposals', 'comments']);

/** Reporting a contribution: why (one of the moderation reasons) and an optional note; then a thank-you. */
export function ReportPage({ t, siteName, web, target, reason, note, errors, sent = false }: ReportPageProps) {
  const title = sent ? t.t('report.sent.title') : t.t(`report.title.${TITLED.has(target.kind) ? target.kind : 'other'}`);
  return (
    <Layout t={t} siteName={siteName} web={web} title={title}>
      {sent ? (
        <p class="utrecht-paragraph">{t.t('report.sent')}</p>
      ) : (
        <>
          <ErrorSummary t={t} errors={errors} />
          <p class="utrecht-paragraph">{t.t('report.intro')}</p>
          <PostForm web={web} action="/report">
            <input type="hidden" name="kind" value={target.kind} />
            <input type="hidden" name="id" value={target.id} />
            <input type="hidden" name="back" value={target.back} />
            <RadioField
              name="reason"
              legend={t.t('report.reason')}
              value={reason}
              error={errors.find((error) => error.field === 'reason')?.message}
              options={REPORT_REASONS.map((value) => ({ value, label: t.t(`report.reason.${value}`) }))}
            />
            <TextAreaField name="note" label={t.t('report.note')} value={note} rows={3} />
            <button class="polity-button" type="submit">
              {t.t('report.submit')}
            </button>
          </PostForm>
        </>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={target.back}>
          {t.t('report.back')}
        </a>
      </p>
    </Layout>
  );
}
