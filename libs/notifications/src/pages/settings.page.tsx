import { EMAIL_FREQUENCIES, type NotificationPreferenceView } from '@polity/contracts';
import { Layout, PostForm, SelectField, type Translator, type WebRequest } from '@polity/web';

export interface SettingsPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  preferences: NotificationPreferenceView[];
  saved: boolean;
}

/** When each kind of notification also comes by email. */
export function SettingsPage({ t, siteName, web, preferences, saved }: SettingsPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('notifications.settings.title')} section="notifications">
      {saved && <p class="polity-notice">{t.t('notifications.settings.saved')}</p>}
      <p class="utrecht-paragraph">{t.t('notifications.settings.intro')}</p>
      <PostForm web={web} action="/notifications/settings">
        {preferences.map((preference) => (
          <div class="polity-field" key={preference.kind}>
            <SelectField
              name={preference.kind}
              label={t.t(`notifications.kind.${preference.kind}`)}
              value={preference.email}
              options={EMAIL_FREQUENCIES.map((email) => ({ value: email, label: t.t(`notifications.email.${email}`) }))}
            />
          </div>
        ))}
        <button class="polity-button" type="submit">
          {t.t('notifications.settings.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
