import { ErrorSummary, type FieldError, Layout, PostForm, TextField, type Translator, type WebRequest } from '@polity/web';

export interface SignInProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  /** Where to go once signed in (a path on this site). */
  next: string;
  email?: string;
  errors?: FieldError[];
}

/** The sign-in form; sent back with the address kept and the problems beside the fields and on top. */
export function SignInPage({ t, siteName, web, next, email, errors = [] }: SignInProps) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('signIn.title')}>
      <ErrorSummary t={t} errors={errors} />
      <PostForm web={web} action="/sign-in">
        <input type="hidden" name="next" value={next} />
        <TextField
          name="email"
          type="email"
          label={t.t('signIn.email')}
          value={email}
          autocomplete="email"
          error={errorOf('email')}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t.t('signIn.password')}
          autocomplete="current-password"
          error={errorOf('password')}
          required
        />
        <button class="polity-button" type="submit">
          {t.t('signIn.submit')}
        </button>
      </PostForm>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/forgot-password">
          {t.t('signIn.forgot')}
        </a>
      </p>
      <p class="utrecht-paragraph">
        {t.t('signIn.noAccount')}{' '}
        <a class="utrecht-link" href="/register">
          {t.t('signIn.register')}
        </a>
      </p>
    </Layout>
  );
}
