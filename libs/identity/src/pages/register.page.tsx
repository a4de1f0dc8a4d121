import { ErrorSummary, type FieldError, Layout, PostForm, TextField, type Translator, type WebRequest } from '@polity/web';

export interface RegisterProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  displayName?: string;
  email?: string;
  errors?: FieldError[];
}

/** The registration form; sent back with what was typed (but the password) and the problems. */
export function RegisterPage({ t, siteName, web, displayName, email, errors = [] }: RegisterProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('register.title')}>
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t('register.intro')}</p>
      <PostForm web={web} action="/register">
        <TextField
          name="displayName"
          label={t.t('register.displayName')}
          value={displayName}
          autocomplete="name"
          error={errorOf('displayName')}
        />
        <TextField name="email" type="email" label={t.t('register.email')} value={email} autocomplete="email" error={errorOf('email')} />
        <TextField
          name="password"
          type="password"
          label={t.t('register.password')}
          autocomplete="new-password"
          error={errorOf('password')}
        />
        <button class="polity-button" type="submit">
          {t.t('register.submit')}
        </button>
      </PostForm>
    </Layout>
  );
}

/** What registration answers, whether or not the address was free (it never says which). */
export function RegistrationSentPage({ t, siteName, web, email }: { t: Translator; siteName: string; web: WebRequest; email: string }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('register.sent.title')}>
      <p class="utrecht-paragraph" role="status">
        {t.t('register.sent.body', { email })}
      </p>
    </Layout>
  );
}
