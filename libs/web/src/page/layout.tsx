import type { ComponentChildren } from 'preact';
import { LOCALES } from '../i18n/locales';
import { CountText, LiveScript } from '../live/live';
import type { LiveConfig } from '../live/live-config';
import { UNREAD_BADGE_ID } from '../live/live-pages';
import type { Translator } from '../i18n/translator';
import { LANGUAGE_NAMES } from '../shell.messages';
import { signInPath } from '../session/sign-in-first';
import { isStaff } from '../staff/staff-only';
import { PostForm } from './form';
import type { WebRequest } from './web-request';

export interface LayoutProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  /** The page's own title: its h1, and the first part of the document's title. */
  title: string;
  /** Which navigation entry is this page's section. */
  section?: 'home' | 'proposals' | 'budgets' | 'surveys' | 'threads' | 'meetings' | 'notifications' | 'account' | 'staff';
  /** What the page follows live (see LivePages); without it, the reader's own room for the badge. */
  live?: LiveConfig;
  children: ComponentChildren;
}

/**
 * The frame of every page: a skip link first, the site's name, the main navigation and the language
 * switcher in the header, one main landmark, the one polite status region live updates speak
 * through (there from the start, so screen readers hear what is written into it), and the footer.
 */
export function Layout({ t, siteName, web, title, section, live, children }: LayoutProps) {
  const liveConfig = live ?? web.live;
  const back = encodeURIComponent(web.path);
  const navigation = [
    { key: 'home', href: '/', label: t.t('shell.nav.home') },
    { key: 'proposals', href: '/proposals', label: t.t('shell.nav.proposals') },
    { key: 'budgets', href: '/budgets', label: t.t('shell.nav.budgets') },
    { key: 'surveys', href: '/surveys', label: t.t('shell.nav.surveys') },
    { key: 'threads', href: '/threads', label: t.t('shell.nav.threads') },
    { key: 'meetings', href: '/meetings', label: t.t('shell.nav.meetings') },
  ];
  return (
    <html lang={t.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t.t('shell.title', { page: title, site: siteName })}</title>
        <link rel="stylesheet" href="/assets/utrecht.css" />
        <link rel="stylesheet" href="/assets/theme.css" />
        <link rel="stylesheet" href="/assets/site.css" />
        {/* On every page: it enhances forms (previews, running totals, conditions); it connects only where the page is live. */}
        <script src="/assets/live.js" defer />
      </head>
      <body class="utrecht-document polity">
        <a class="polity-skip-link" href="#main">
          {t.t('shell.skipLink')}
        </a>
        <header class="polity-header">
          <div class="polity-header__inner">
            <a class="polity-header__site" href="/">
              {/* The name beside it says the same: the logo is decoration for a screen reader. */}
              {web.logoUrl && <img class="polity-header__logo" src={web.logoUrl} alt="" />}
              {siteName}
            </a>
            <nav class="polity-nav" aria-label={t.t('shell.nav.label')}>
              <ul>
                {navigation.map((entry) => (
                  <li key={entry.key}>
                    <a href={entry.href} aria-current={entry.key === section ? 'page' : undefined}>
                      {entry.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav class="polity-account" aria-label={t.t('shell.account.label')}>
              {web.principal ? (
                <ul>
                  {web.unread !== undefined && (
                    <li>
                      <a href="/notifications" aria-current={section === 'notifications' ? 'page' : undefined}>
                        {t.t('shell.account.notifications')}{' '}
                        <CountText t={t} id={UNREAD_BADGE_ID} class="polity-badge" message="shell.account.unread" count={web.unread} />
                      </a>
                    </li>
                  )}
                  {isStaff(web.principal.roles) && (
                    <li>
                      <a href="/staff" aria-current={section === 'staff' ? 'page' : undefined}>
                        {t.t('shell.account.staff')}
                      </a>
                    </li>
                  )}
                  <li>
                    <a href="/account" aria-current={section === 'account' ? 'page' : undefined}>
                      {t.t('shell.account.yours')}
                    </a>
                  </li>
                  <li>
                    <PostForm web={web} action="/sign-out">
                      <button class="polity-link-button" type="submit">
                        {t.t('shell.account.signOut')}
                      </button>
                    </PostForm>
                  </li>
                </ul>
              ) : (
                <a href={signInPath(web.path)}>{t.t('shell.account.signIn')}</a>
              )}
            </nav>
            <nav class="polity-languages" aria-label={t.t('shell.language.label')}>
              <ul>
                {LOCALES.map((locale) =>
                  locale === t.locale ? (
                    <li key={locale}>
                      <span lang={locale} aria-current="true">
                        {LANGUAGE_NAMES[locale]}
                      </span>
                    </li>
                  ) : (
                    <li key={locale}>
                      <a href={`/language?to=${locale}&back=${back}`} lang={locale} hrefLang={locale}>
                        {LANGUAGE_NAMES[locale]}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="polity-main" tabIndex={-1}>
          <h1 class="utrecht-heading-1">{title}</h1>
          {children}
        </main>
        <div id="live-status" class="polity-visually-hidden" role="status" aria-live="polite"></div>
        {liveConfig && <LiveScript config={liveConfig} />}
        <footer class="polity-footer">
          <p class="utrecht-paragraph">{t.t('shell.footer.poweredBy')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/api/docs">
              {t.t('shell.footer.apiDocs')}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}
