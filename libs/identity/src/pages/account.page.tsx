import {
  ErrorSummary,
  type FieldError,
  LANGUAGE_NAMES,
  Layout,
  LOCALES,
  PostForm,
  SelectField,
  TextField,
  type Translator,
  type WebRequest,
} from '@polity/web';
import type { UserResponseDto } from '../users/user-response.dto';

export interface ResidentDraft {
  identifier?: string;
  birthDate?: string;
  postcode?: string;
}

export interface AccountPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  account: UserResponseDto;
  /** A verification just succeeded (the page after the form's redirect). */
  verifiedNow: boolean;
  resident: ResidentDraft;
  errors: FieldError[];
  /** The account's chosen language (null: not chosen yet). */
  locale: string | null;
}

/** The verification form: a resident number and one of the two details a census may pair it with. */
function VerifyResident({ t, web, resident, errors }: Pick<AccountPageProps, 't' | 'web' | 'resident' | 'errors'>) {
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <>
      <ErrorSummary t={t} errors={errors} />
      <p class="utrecht-paragraph">{t.t('account.resident.why')}</p>
      <PostForm web={web} action="/account/verification">
        <TextField name="identifier" label={t.t('account.resident.identifier')} value={resident.identifier} error={errorOf('identifier')} />
        <p class="polity-field__hint">{t.t('account.resident.oneOf')}</p>
        <TextField
          name="birthDate"
          label={t.t('account.resident.birthDate')}
          value={resident.birthDate}
          autocomplete="bday"
          error={errorOf('birthDate')}
        />
        <TextField name="postcode" label={t.t('account.resident.postcode')} value={resident.postcode} autocomplete="postal-code" />
        <button class="polity-button" type="submit">
          {t.t('account.resident.submit')}
        </button>
      </PostForm>
    </>
  );
}

/** Who the reader is here, their resident verification, and their rights over their data. */
export function AccountPage({ t, siteName, web, account, verifiedNow, resident, errors, locale }: AccountPageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('account.title')} section="account">
      <dl class="polity-details">
        <dt>{t.t('account.name')}</dt>
        <dd>{account.displayName}</dd>
        <dt>{t.t('account.email')}</dt>
        <dd>
          {account.email} ({t.t(account.emailConfirmed ? 'account.emailConfirmed' : 'account.emailUnconfirmed')})
        </dd>
      </dl>
      <PostForm web={web} action="/account/language" class="polity-filters">
        <SelectField
          name="locale"
          label={t.t('account.language')}
          value={locale ?? t.locale}
          options={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value], lang: value }))}
        />
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('account.language.submit')}
        </button>
      </PostForm>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/notifications/settings">
          {t.t('account.notifications')}
        </a>
      </p>
      <section aria-labelledby="resident-title">
        <h2 class="utrecht-heading-2" id="resident-title">
          {t.t('account.resident.title')}
        </h2>
        {verifiedNow && <p class="polity-notice">{t.t('account.resident.done')}</p>}
        {account.verifiedAt ? (
          <p class="utrecht-paragraph">
            {t.t('account.resident.verified', { date: t.date(account.verifiedAt, { dateOnly: true }) })}{' '}
            {account.residentDistrict && t.t('account.resident.district', { district: account.residentDistrict })}
          </p>
        ) : (
          <VerifyResident t={t} web={web} resident={resident} errors={errors} />
        )}
      </section>
      <section aria-labelledby="data-title">
        <h2 class="utrecht-heading-2" id="data-title">
          {t.t('account.data.title')}
        </h2>
        <p class="utrecht-paragraph">{t.t('account.data.body', { site: siteName })}</p>
        <ul class="polity-actions">
          <li>
            <a class="utrecht-link" href="/account/data" download>
              {t.t('account.data.link')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="/account/erase">
              {t.t('account.erase.link')}
            </a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
