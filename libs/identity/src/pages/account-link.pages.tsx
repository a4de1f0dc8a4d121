import { ErrorSummary, type FieldError, Layout, PostForm, TextField, type Translator, type WebRequest } from '@polity/web';

interface PageBase {
  t: Translator;
  siteName: string;
  web: WebRequest;
}

/** Asks for the account's address, to mail it a link to a new password. */
export function ForgotPasswordPage({ t, siteName, web, email, errors = [] }: PageBase & { email?: string; errors?: FieldError[] }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('forgot.title')}>
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t('forgot.intro')}</p>
      <PostForm web={web} action="/forgot-password">
        <TextField
          name="email"
          type="email"
          label={t.t('forgot.email')}
          value={email}
          autocomplete="email"
          error={errors.find((error) => error.field === 'email')?.message}
          required
        />
        <button class="polity-button" type="submit">
          {t.t('forgot.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

/** The mailed link's page: a new password, the link's token carried along unspent until it is accepted. */
export function ResetPasswordPage({ t, siteName, web, token, errors = [] }: PageBase & { token: string; errors?: FieldError[] }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('reset.title')}>
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t('reset.intro')}</p>
      <PostForm web={web} action="/reset-password">
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          type="password"
          label={t.t('reset.password')}
          autocomplete="new-password"
          error={errors.find((error) => error.field === 'password')?.message}
          required
        />
        <button class="polity-button" type="submit">
          {t.t('reset.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

/** The confirmation link's page: opening it changes nothing (mail scanners open links too), the button does. */
export function ConfirmEmailPage({ t, siteName, web, token }: PageBase & { token: string }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('confirm.title')}>
      <p class="utrecht-paragraph">{t.t('confirm.intro')}</p>
      <PostForm web={web} action="/confirm-email">
        <input type="hidden" name="token" value={token} />
        <button class="polity-button" type="submit">
          {t.t('confirm.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}
