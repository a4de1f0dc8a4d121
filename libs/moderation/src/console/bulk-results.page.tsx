import type { ModerationQueueItemView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';
import type { BulkDecisionResultDto } from '../queue/moderation-queue.dto';
import { kindLabel } from './queue-item';
import { RefusalText } from './refusal-text';

interface BulkResultsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  results: BulkDecisionResultDto[];
  items: Map<string, ModerationQueueItemView>;
  back: string;
}

/** What a bulk decision did, item by item: each was decided or refused on its own. */
export function BulkResultsPage({ t, siteName, web, results, items, back }: BulkResultsPageProps) {
  const ok = results.filter((result) => result.ok).length;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('modc.bulk.title')} section="staff">
      <p class="polity-notice" role="status">
        {t.t('modc.bulk.summary', { ok, failed: results.length - ok })}
      </p>
      <div class="polity-table-scroll">
        <table class="polity-table">
          <thead>
            <tr>
              <th scope="col">{t.t('modc.bulk.item')}</th>
              <th scope="col">{t.t('modc.bulk.result')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => {
              const item = items.get(result.itemId);
              return (
                <tr key={result.itemId}>
                  <th scope="row">
                    {item ? t.t('modc.item.heading', { kind: kindLabel(t, item.kind), author: item.author.displayName }) : result.itemId}
                  </th>
                  <td>
                    {result.ok ? (
                      t.t('modc.bulk.ok')
                    ) : (
                      <RefusalText t={t} refusal={{ code: result.code ?? '', detail: result.detail ?? '' }} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back}>
          {t.t('modc.bulk.back')}
        </a>
      </p>
    </Layout>
  );
}
