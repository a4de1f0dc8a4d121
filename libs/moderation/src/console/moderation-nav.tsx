import { ConsoleNav, type Translator } from '@polity/web';

export const QUEUE_PATH = '/staff/moderation';
export const APPEALS_PATH = '/staff/moderation?origin=appeal';

/** The moderation console's pages. */
export function ModerationNav({ t, current }: { t: Translator; current: string }) {
  return (
    <ConsoleNav
      label={t.t('modc.nav.label')}
      current={current}
      links={[
        { href: QUEUE_PATH, label: t.t('modc.nav.queue') },
        { href: APPEALS_PATH, label: t.t('modc.nav.appeals') },
        { href: '/staff/moderation/blocks', label: t.t('modc.nav.blocks') },
        { href: '/staff/moderation/settings', label: t.t('modc.nav.settings') },
        { href: '/moderation/log', label: t.t('modc.nav.log') },
      ]}
    />
  );
}
