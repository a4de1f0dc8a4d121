import { ErrorSummary, type FieldError, Layout, PostForm, TextField, type Translator, type WebRequest } from '@polity/web';

/** Erasing the account: what it means, said before the password that confirms it. */
export function EraseAccountPage({ t, siteName, web, errors }: { t: Translator; siteName: string; web: WebRequest; errors: FieldError[] }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('account.erase.title')} section="account">
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t('account.erase.body')}</p>
      <PostForm web={web} action="/account/erase">
        <TextField
          name="password"
          type="password"
          label={t.t('account.erase.password')}
          autocomplete="current-password"
          error={errors.find((error) => error.field === 'password')?.message}
          required
        />
        <button class="polity-button" type="submit">
          {t.t('account.erase.submit')}
        </button>
      </PostForm>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/account">
          {t.t('account.title')}
        </a>
      </p>
    </Layout>
  );
}
