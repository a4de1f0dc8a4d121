import type { SurveyView } from '@polity/contracts';
import { ConsoleNav, type Translator } from '@polity/web';

export const SURVEYS_CONSOLE = '/staff/surveys';

/** A survey's console pages, and its results as residents see them. */
export function SurveyNav({ t, survey, current }: { t: Translator; survey: SurveyView; current: 'builder' | 'preview' | 'exports' }) {
  const base = `${SURVEYS_CONSOLE}/${survey.id}`;
  const pages = { builder: base, preview: `${base}/preview`, exports: `${base}/exports` };
  return (
    <ConsoleNav
      label={t.t('sc.nav.label')}
      current={pages[current]}
      links={[
        { href: SURVEYS_CONSOLE, label: t.t('sc.nav.all') },
        { href: pages.builder, label: t.t('sc.nav.builder') },
        { href: pages.preview, label: t.t('sc.nav.preview') },
        ...(survey.phase === 'draft' ? [] : [{ href: `/surveys/${survey.id}/results`, label: t.t('sc.nav.results') }]),
        { href: pages.exports, label: t.t('sc.nav.exports') },
      ]}
    />
  );
}
