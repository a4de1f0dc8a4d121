import type { NotificationView } from '@polity/contracts';
import { Layout, type LiveConfig, PostForm, resourcePage, type Translator, type WebRequest } from '@polity/web';
import { writeNotification } from '../notification-texts';

function NotificationItem({ t, web, notification }: { t: Translator; web: WebRequest; notification: NotificationView }) {
  const page = notification.resource && resourcePage(notification.resource.kind, notification.resource.id);
  const unread = notification.readAt === null;
  const written = writeNotification(t, notification);
  // Older notifications exist in English only: said so, for screen readers.
  const lang = written.lang === t.locale ? undefined : written.lang;
  return (
    <li class={unread ? 'polity-notification--unread' : undefined}>
      <h2 class="utrecht-heading-3" lang={lang}>
        {written.title}
      </h2>
      <p class="polity-meta">
        {unread && <strong>{t.t('notifications.unread')}</strong>}
        <span>{t.t('notifications.received', { date: t.date(notification.createdAt) })}</span>
      </p>
      {written.body && (
        <p class="utrecht-paragraph" lang={lang}>
          {written.body}
        </p>
      )}
      <div class="polity-actions">
        {page && (
          <a class="utrecht-link" href={page}>
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
