import { GRANTABLE_ROLES, ROLES } from '@polity/contracts';
import type { UserResponseDto } from '@polity/identity';
import { ConsoleNotice, Layout, PostForm, SelectField, type Translator, type WebRequest } from '@polity/web';
import type { ComponentChildren } from 'preact';
import { ADMIN_CONSOLE, AdminNav } from './admin-nav';

interface UsersPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  q: string;
  role: string;
  users: UserResponseDto[];
  nextCursor: string | null;
  news?: string;
  refusal?: ComponentChildren;
}

/** Accounts found by name or address (or role), each with its roles as checkboxes saved in one click. */
export function UsersPage({ t, siteName, web, q, role, users, nextCursor, news, refusal }: UsersPageProps) {
  const back = web.path;
  const next = new URLSearchParams({ ...(q && { q }), ...(role && { role }), ...(nextCursor && { cursor: nextCursor }) });
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('ac.users.title')} section="staff">
      <AdminNav t={t} current="users" />
      <ConsoleNotice news={news} refusal={refusal} />
      <form method="get" action={`${ADMIN_CONSOLE}/users`} class="polity-filters" role="search">
        <div class="utrecht-form-field polity-field">
          <label class="utrecht-form-label" for="q">
            {t.t('ac.users.search')}
          </label>
          <input class="utrecht-textbox" id="q" name="q" type="search" value={q} />
        </div>
        <SelectField
          name="role"
          label={t.t('ac.users.role')}
          value={role}
          options={[{ value: '', label: t.t('ac.users.any') }, ...ROLES.map((value) => ({ value, label: t.t(`ac.role.${value}`) }))]}
        />
        <button class="polity-button polity-button--secondary" type="submit">
          {t.t('ac.users.submit')}
        </button>
      </form>
      {users.length === 0 ? (
        <p class="utrecht-paragraph">{t.t('ac.users.none')}</p>
      ) : (
        <ul class="polity-console-list">
          {users.map((user) => (
            <li key={user.id} class="polity-console-card">
              <PostForm web={web} action={`${ADMIN_CONSOLE}/users/${user.id}/roles`}>
                <input type="hidden" name="back" value={back} />
                <fieldset class="utrecht-form-fieldset polity-field">
                  <legend class="utrecht-form-label">{t.t('ac.users.roles', { name: user.displayName })}</legend>
                  <p class="polity-meta">
                    <span>{user.email}</span>
                    {user.verified && <span>{t.t('ac.users.verified')}</span>}
                    {!user.emailConfirmed && <span>{t.t('ac.users.unconfirmed')}</span>}
                  </p>
                  <div class="polity-inline-fields">
                    {GRANTABLE_ROLES.map((grantable) => (
                      <div class="polity-choice" key={grantable}>
                        <input
                          type="checkbox"
                          id={`roles-${user.id}-${grantable}`}
                          name="roles"
                          value={grantable}
                          checked={user.roles.includes(grantable)}
                        />
                        <label for={`roles-${user.id}-${grantable}`}>{t.t(`ac.role.${grantable}`)}</label>
                      </div>
                    ))}
                  </div>
                </fieldset>
                <button class="polity-button polity-button--secondary" type="submit">
                  {t.t('ac.users.save', { name: user.displayName })}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${ADMIN_CONSOLE}/users?${next.toString()}`}>
            {t.t('ac.users.more')}
          </a>
        </p>
      )}
    </Layout>
  );
}
