import type { SurveyView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';

/** After the answers are sent: thanks, and for an anonymous survey the receipt, shown this once. */
export function SurveyDonePage({
  t,
  siteName,
  web,
  survey,
  receipt,
}: {
  t: Translator;
  siteName: string;
  web: WebRequest;
  survey: SurveyView;
  receipt: string | null;
}) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('surveys.done.title')} section="surveys">
      <p class="utrecht-paragraph utrecht-paragraph--lead" role="status">
        {t.t('surveys.done.body', { survey: survey.title })}
      </p>
      {receipt && (
        <div class="polity-notice">
          <p class="utrecht-paragraph">
            <strong>{t.t('surveys.done.receipt', { receipt })}</strong>
          </p>
          <p class="utrecht-paragraph">{t.t('surveys.done.receiptKeep')}</p>
        </div>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/surveys/${survey.id}`}>
          {t.t('surveys.done.back')}
        </a>
      </p>
    </Layout>
  );
}
