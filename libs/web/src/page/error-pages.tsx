import { Injectable } from '@nestjs/common';
import { ErrorPages, type PageProblem, SiteConfig } from '@polity/platform';
import type { Request } from 'express';
import { negotiateLocale } from '../i18n/locales';
import type { Translator } from '../i18n/translator';
import { Layout } from './layout';
import { NotFoundPage } from './not-found.page';
import { pageTranslator } from './page-translator';
import { renderPage } from './render-page';
import { signInPath } from '../session/sign-in-first';
import { isPagePath, type RequestWithWeb, type WebRequest } from './web-request';

/** The title and text of a failure the person can understand, in their language. */
function explain(t: Translator, problem: PageProblem): { title: string; body: string } {
  if (problem.code === 'form_expired') return { title: t.t('error.formExpired.title'), body: t.t('error.formExpired.body') };
  if (problem.status === 403) return { title: t.t('error.forbidden.title'), body: t.t('error.forbidden.body') };
  if (problem.status === 429) return { title: t.t('error.tooMany.title'), body: t.t('error.tooMany.body') };
  if (problem.status >= 500)
    return { title: t.t('error.server.title'), body: t.t('error.server.body', { reference: problem.correlationId }) };
  // Any other refusal (a malformed address, say): the problem's own words, which are English.
  return { title: t.t('error.other.title'), body: problem.detail };
}

/** A page for staff opened signed out: the way to sign in, and back to it. */
function SignInFirstPage({ t, siteName, web }: { t: Translator; siteName: string; web: WebRequest }) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('error.signIn.title')}>
      <p class="utrecht-paragraph">{t.t('error.signIn.body')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={signInPath(web.path)}>
          {t.t('error.signIn.link')}
        </a>
      </p>
    </Layout>
  );
}

/** The site's error pages: in the shell, in the reader's language, never the api's JSON. */
@Injectable()
export class WebErrorPages extends ErrorPages {
  constructor(private readonly site: SiteConfig) {
    super();
  }

  render(request: Request, problem: PageProblem): string | null {
    if (!isPagePath(request.originalUrl)) return null;
    // A failure before the page's middleware ran (a body that did not parse) still gets a page, signed out.
    const web: WebRequest = (request as RequestWithWeb).web ?? {
      locale: negotiateLocale(undefined, request.headers['accept-language'], this.site.defaultLocale),
      path: request.originalUrl,
      principal: undefined,
      csrfToken: '',
      timeZone: this.site.timeZone,
    };
    const t = pageTranslator(web);
    if (problem.status === 404) return renderPage(<NotFoundPage t={t} siteName={this.site.name} web={web} />);
    if (problem.status === 401) return renderPage(<SignInFirstPage t={t} siteName={this.site.name} web={web} />);
    const { title, body } = explain(t, problem);
    return renderPage(
      <Layout t={t} siteName={this.site.name} web={web} title={title}>
        <p class="utrecht-paragraph" lang={problem.status < 500 && problem.status !== 403 && problem.status !== 429 ? 'en' : undefined}>
          {body}
        </p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/">
            {t.t('error.backHome')}
          </a>
        </p>
      </Layout>,
    );
  }
}
