import type { ThreadView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';
import { stageName } from './thread-post-item';

/** Co-design threads, open ones first, each with its service and stage. */
export function ThreadListPage({ t, siteName, web, threads }: { t: Translator; siteName: string; web: WebRequest; threads: ThreadView[] }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('codesign.list.title')} section="threads">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('codesign.list.intro')}</p>
      {threads.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('codesign.list.empty')}</p>
      ) : (
        <ul class="polity-list">
          {threads.map((thread) => (
            <li key={thread.id}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/threads/${thread.id}`}>
                  {thread.title}
                </a>
              </h2>
              <p class="polity-meta">
                <span>{t.t('codesign.home.stage', { service: thread.serviceName, stage: stageName(t, thread.currentStage) })}</span>
                <span>{t.t('codesign.home.posts', { count: thread.postCount })}</span>
                <span>{t.t(thread.status === 'open' ? 'codesign.thread.open' : 'codesign.thread.closed')}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
