import type { Translator } from '../i18n/translator';
import { Layout } from './layout';
import { renderPage } from './render-page';
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

/** The answer of every page controller to an address that leads nowhere: status 404 and the page that says so. */
export function notFound(response: { status(code: number): unknown }, t: Translator, siteName: string, web: WebRequest): string {
  response.status(404);
  return renderPage(<NotFoundPage t={t} siteName={siteName} web={web} />);
}
