import type { Translator } from '../i18n/translator';

/** “Proposal: Its title”: a label, then the title, a link where the site has a page for it. */
export function LabelledLink({ t, label, title, href }: { t: Translator; label: string; title: string; href: string | null }) {
  return (
    <>
      {t.t('shell.labelled', { label })}{' '}
      {href ? (
        <a class="utrecht-link" href={href}>
          {title}
        </a>
      ) : (
        title
      )}
    </>
  );
}
