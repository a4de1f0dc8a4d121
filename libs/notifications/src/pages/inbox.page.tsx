import type { NotificationView } from '@polity/contracts';
import { Layout, type LiveConfig, PostForm, type Translator, type WebRequest } from '@polity/web';

/** Where a notification's subject has a page on the site; the others are read in the inbox only. */
const PAGES: Record<string, string> = { proposals: '/proposals/' };

function NotificationItem({ t, web, notification }: { t: Translator; web: WebRequest; notification: NotificationView }) {
  const page = notification.resource && PAGES[notification.resource.kind];
  const unread = notification.readAt === null;
  return (
    <li class={unread ? 'polity-notification--unread' : undefined}>
      {/* Notifications are written in English when they are made; said so for screen readers. */}
      <h2 class="utrecht-heading-3" lang="en">
        {notification.title}
      </h2>
      <p class="polity-meta">
        {unread && <strong>{t.t('notifications.unread')}</strong>}
        <span>{t.t('notifications.received', { date: t.date(notification.createdAt) })}</span>
      </p>
      {notification.body && (
        <p class="utrecht-paragraph" lang="en">
          {notification.body}
        </p>
      )}
      <div class="polity-actions">
        {page && notification.resource && (
          <a class="utrecht-link" href={`${page}${notification.resource.id}`}>
            {t.t('notifications.open')}
          </a>
        )}
        {unread && (
          <PostForm web={web} action={`/notifications/${notification.id}/read`} live>
            <button class="polity-button polity-button--secondary" type="submit" id={`read-${notification.id}`}>
              {t.t('notifications.markRead')}
            </button>
          </PostForm>
        )}
      </div>
    </li>
  );
}

export interface InboxPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  notifications: NotificationView[];
  older: string | null;
  live: LiveConfig;
}

/** The reader's notifications, newest first, unread ones marked in words as well as by a bar. */
export function InboxPage({ t, siteName, web, notifications, older, live }: InboxPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('notifications.title')} section="notifications" live={live}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/notifications/settings">
          {t.t('notifications.settingsLink')}
        </a>
      </p>
      <div data-live-part="inbox" data-announce={t.t('notifications.announce')}>
        {notifications.length === 0 ? (
          <p class="utrecht-paragraph">{t.t('notifications.none')}</p>
        ) : (
          <>
            {notifications.some((notification) => notification.readAt === null) && (
              <PostForm web={web} action="/notifications/read-all" live>
                <button class="polity-button" type="submit" id="read-all">
                  {t.t('notifications.markAllRead')}
                </button>
              </PostForm>
            )}
            <ul class="polity-list">
              {notifications.map((notification) => (
                <NotificationItem key={notification.id} t={t} web={web} notification={notification} />
              ))}
            </ul>
          </>
        )}
      </div>
      {older && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={older}>
            {t.t('notifications.older')}
          </a>
        </p>
      )}
    </Layout>
  );
}
