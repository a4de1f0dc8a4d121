import { Layout, type Translator, type WebRequest } from '@polity/web';
import type { ModerationLogEntryDto, ModerationStatsDto } from '../transparency/transparency.dto';
import { kindLabel } from '../console/queue-item';

interface ModerationLogPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  stats: ModerationStatsDto;
  entries: ModerationLogEntryDto[];
  nextCursor: string | null;
}

const STAT_KEYS = [
  'screened',
  'flagged',
  'reports',
  'held',
  'hidden',
  'restored',
  'dismissed',
  'authorsBlocked',
  'appeals',
  'appealsUpheld',
  'appealsOverturned',
] as const;

/** What moderation did, as anyone may read it: the last 30 days in figures, then every step, with no person and no content. */
export function ModerationLogPage({ t, siteName, web, stats, entries, nextCursor }: ModerationLogPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('modlog.title')}>
      <p class="utrecht-paragraph">{t.t('modlog.intro')}</p>
      <h2 class="utrecht-heading-2">
        {t.t('modlog.stats', { from: t.date(stats.from, { dateOnly: true }), to: t.date(stats.to, { dateOnly: true }) })}
      </h2>
      <dl class="polity-facts">
        {STAT_KEYS.map((key) => (
          <div key={key}>
            <dt>{t.t(`modlog.stat.${key}`)}</dt>
            <dd>{t.number(stats[key])}</dd>
          </div>
        ))}
        <div>
          <dt>{t.t('modlog.stat.median')}</dt>
          <dd>
            {stats.medianSecondsToDecision === null
              ? '–'
              : t.t('modlog.minutes', { minutes: Math.round(stats.medianSecondsToDecision / 60) })}
          </dd>
        </div>
      </dl>
      <h2 class="utrecht-heading-2">{t.t('modlog.entries')}</h2>
      {entries.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('modlog.empty')}</p>
      ) : (
        <div class="polity-table-scroll">
          <table class="polity-table">
            <thead>
              <tr>
                <th scope="col">{t.t('modlog.when')}</th>
                <th scope="col">{t.t('modlog.what')}</th>
                <th scope="col">{t.t('modlog.kind')}</th>
                <th scope="col">{t.t('modlog.reason')}</th>
                <th scope="col">{t.t('modlog.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{t.date(entry.occurredAt)}</td>
                  <td>{t.t(`modlog.action.${entry.action}`)}</td>
                  <td>{kindLabel(t, entry.contentKind)}</td>
                  <td>{t.t(`modc.reason.${entry.reason}`)}</td>
                  <td>
                    {t.t(`modc.origin.${entry.origin}`)}
                    {entry.rules.length > 0 && <> ({entry.rules.join(', ')})</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/moderation/log?cursor=${encodeURIComponent(nextCursor)}`}>
            {t.t('modlog.more')}
          </a>
        </p>
      )}
    </Layout>
  );
}
