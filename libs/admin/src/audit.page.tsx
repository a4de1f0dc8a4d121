import type { AuditEntryDto } from '@polity/platform';
import { ConsoleNotice, Layout, TextField, type Translator, type WebRequest } from '@polity/web';
import { ADMIN_CONSOLE, AdminNav } from './admin-nav';

export type AuditFilters = Record<'action' | 'actorId' | 'targetKind' | 'targetId' | 'from' | 'to', string>;

interface AuditPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  filters: AuditFilters;
  entries: AuditEntryDto[];
  actors: Map<string, string>;
  nextCursor: string | null;
  invalid: string[];
}

const change = (entry: AuditEntryDto): string =>
  [entry.before && `${JSON.stringify(entry.before)}`, entry.after && `→ ${JSON.stringify(entry.after)}`].filter(Boolean).join(' ');

/** The audit log, newest first, filtered in the address (action, actor, target, time window). */
export function AuditPage({ t, siteName, web, filters, entries, actors, nextCursor, invalid }: AuditPageProps) {
  const next = new URLSearchParams(Object.entries({ ...filters, cursor: nextCursor ?? '' }).filter(([, value]) => value !== ''));
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('ac.audit.title')} section="staff">
      <AdminNav t={t} current="audit" />
      <ConsoleNotice refusal={invalid.length > 0 ? t.t('ac.audit.invalid', { fields: invalid.join(', ') }) : undefined} />
      <form method="get" action={`${ADMIN_CONSOLE}/audit`} class="polity-filters">
        <TextField name="action" label={t.t('ac.audit.action')} value={filters.action} />
        <TextField name="actorId" label={t.t('ac.audit.actor')} value={filters.actorId} />
        <TextField name="targetKind" label={t.t('ac.audit.targetKind')} value={filters.targetKind} />
        <TextField name="targetId" label={t.t('ac.audit.targetId')} value={filters.targetId} />
        <TextField name="from" type="datetime-local" label={t.t('ac.audit.from')} value={filters.from} />
        <TextField name="to" type="datetime-local" label={t.t('ac.audit.to')} value={filters.to} />
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('ac.audit.submit')}
        </button>
      </form>
      {entries.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('ac.audit.none')}</p>
      ) : (
        <div class="polity-table-scroll">
          <table class="polity-table">
            <thead>
              <tr>
                <th scope="col">{t.t('ac.audit.when')}</th>
                <th scope="col">{t.t('ac.audit.who')}</th>
                <th scope="col">{t.t('ac.audit.what')}</th>
                <th scope="col">{t.t('ac.audit.target')}</th>
                <th scope="col">{t.t('ac.audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{t.date(entry.occurredAt)}</td>
                  <td>{entry.actorId ? (actors.get(entry.actorId) ?? entry.actorId) : t.t('ac.audit.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    <code>
                      {entry.targetKind}
                      {entry.targetId && `:${entry.targetId}`}
                    </code>
                  </td>
                  <td>
                    {change(entry) && (
                      <details class="polity-audit-change">
                        <summary>{`${change(entry).slice(0, 60)}…`}</summary>
                        <pre>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${ADMIN_CONSOLE}/audit?${next.toString()}`}>
            {t.t('ac.audit.more')}
          </a>
        </p>
      )}
    </Layout>
  );
}
