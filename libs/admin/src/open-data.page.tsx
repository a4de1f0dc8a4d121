import type { OpenDataSnapshotView } from '@polity/contracts';
import { ConsoleNotice, Layout, type LiveConfig, PostForm, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import { ADMIN_CONSOLE, AdminNav } from './admin-nav';

interface OpenDataPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  snapshots: OpenDataSnapshotView[];
  live: LiveConfig;
  news?: string;
  refusal?: ComponentChildren;
}

const size = (t: Translator, bytes: number): string =>
  bytes >= 1_000_000 ? `${t.number(Math.round(bytes / 100_000) / 10)} MB` : `${t.number(Math.max(1, Math.round(bytes / 1000)))} kB`;

/** Every snapshot (building and failed too), building one now, and the downloads of each; progress comes live. */
export function OpenDataPage({ t, siteName, web, snapshots, live, news, refusal }: OpenDataPageProps) {
  const download = (id: string, name: string) => `/api/v1/open-data/snapshots/${id}/files/${encodeURIComponent(name)}`;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('ac.openData.title')} section="staff" live={live}>
      <AdminNav t={t} current="open-data" />
      <ConsoleNotice news={news} refusal={refusal} />
      <p class="utrecht-paragraph">{t.t('ac.openData.intro')}</p>
      <PostForm web={web} action={`${ADMIN_CONSOLE}/open-data`}>
        <button class="polity-button" type="submit">
          {t.t('ac.openData.request')}
        </button>
      </PostForm>
      <div data-live-part="snapshots" data-announce={snapshots[0] ? t.t(`ac.openData.status.${snapshots[0].status}`) : undefined}>
        {snapshots.length === 0 ? (
          <p class="utrecht-paragraph">{t.t('ac.openData.none')}</p>
        ) : (
          <ul class="polity-console-list">
            {snapshots.map((snapshot) => (
              <li key={snapshot.id} class="polity-console-card">
                <h2 class="utrecht-heading-3">{t.t('ac.openData.snapshot', { when: t.date(snapshot.createdAt) })}</h2>
                <p class="polity-meta">
                  <strong>{t.t(`ac.openData.status.${snapshot.status}`)}</strong>
                  <span>{t.t(`ac.openData.trigger.${snapshot.trigger}`)}</span>
                </p>
                {snapshot.zip && (
                  <p class="utrecht-paragraph">
                    <a class="utrecht-link" href={download(snapshot.id, snapshot.zip.name)}>
                      {t.t('ac.openData.zip', { size: size(t, snapshot.zip.bytes) })}
                    </a>
                  </p>
                )}
                {snapshot.files.length > 0 && (
                  <ul class="polity-links">
                    {snapshot.files.map((file) => (
                      <li key={file.name}>
                        <a class="utrecht-link" href={download(snapshot.id, file.name)}>
                          {t.t('ac.openData.file', { name: file.name, size: size(t, file.bytes) })}
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}
