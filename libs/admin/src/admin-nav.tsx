import { ConsoleNav, type Translator } from '@polity/web';

export const ADMIN_CONSOLE = '/staff/admin';
export const ADMIN_PAGES = ['users', 'census', 'audit', 'jobs', 'open-data', 'site'] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

const LABELS: Record<AdminPage, string> = {
  users: 'ac.nav.users',
  census: 'ac.nav.census',
  audit: 'ac.nav.audit',
  jobs: 'ac.nav.jobs',
  'open-data': 'ac.nav.openData',
  site: 'ac.nav.site',
};

/** The administrators' console pages. */
export function AdminNav({ t, current }: { t: Translator; current: AdminPage }) {
  return (
    <ConsoleNav
      label={t.t('ac.nav.label')}
      current={`${ADMIN_CONSOLE}/${current}`}
      links={ADMIN_PAGES.map((page) => ({ href: `${ADMIN_CONSOLE}/${page}`, label: t.t(LABELS[page]) }))}
    />
  );
}
