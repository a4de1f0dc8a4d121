import type { Translator } from '../i18n/translator';
import { Layout } from './layout';
import type { WebRequest } from './web-request';

/** What a page address that leads nowhere (or to something not public) answers, with status 404. */
export function NotFoundPage({ t, siteName, web }: { t: Translator; siteName: string; web: WebRequest }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('error.notFound.title')}>
      <p class="utrecht-paragraph">{t.t('error.notFound.body')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {t.t('error.backHome')}
        </a>
      </p>
    </Layout>
  );
}
