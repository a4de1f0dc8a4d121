import { Injectable, type NestMiddleware, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { cookieValue, HttpConfig, Problems, SESSION_COOKIE, SiteConfig } from '@polity/platform';
import type { NextFunction, Response } from 'express';
import { negotiateLocale } from '../i18n/locales';
import { VISITOR_COOKIE, WebSessions } from '../session/web-sessions';
import { LIVE_HEADER } from '../live/live-config';
import { LivePages } from '../live/live-pages';
import { UnreadNotifications } from '../live/unread-notifications';
import { isPagePath, type RequestWithWeb } from './web-request';

/** The cookie the language switcher sets: a visitor's choice outlasts their browser's preference. */
export const LOCALE_COOKIE = 'polity_locale';

/**
 * Reads, for every page, its language, who is signed in and the form token; refuses a form posted
 * from another site (its Origin, or failing that its Referer, must be this site) or without the
 * token of this session or visitor.
 */
@Injectable()
export class WebRequestMiddleware implements NestMiddleware, OnModuleInit {
  private readonly origin: string;
  private unread: UnreadNotifications | undefined;

  constructor(
    private readonly site: SiteConfig,
    private readonly sessions: WebSessions,
    private readonly live: LivePages,
    private readonly modules: ModuleRef,
    http: HttpConfig,
  ) {
    this.origin = new URL(http.publicUrl).origin;
  }

  onModuleInit(): void {
    // Provided by the notifications feature when the app has it; the shell does not depend on it.
    try {
      this.unread = this.modules.get(UnreadNotifications, { strict: false });
    } catch {
      this.unread = undefined;
    }
  }

  async use(request: RequestWithWeb, response: Response, next: NextFunction): Promise<void> {
    // The JSON api, health checks and style sheets are not pages (decided on the raw path, whatever
    // it holds): no session lookup, no visitor cookie for them.
    if (!isPagePath(request.originalUrl)) return next();
    const cookies = request.headers.cookie;
    const signedIn = await this.sessions.signedIn(cookieValue(cookies, SESSION_COOKIE));
    const principal = signedIn?.principal;
    // This browser's switcher, else the account's language, else the browser's, else the site's.
    const chosen = cookieValue(cookies, LOCALE_COOKIE) ?? signedIn?.locale ?? undefined;
    const locale = negotiateLocale(chosen, request.headers['accept-language'], this.site.defaultLocale);
    const boundTo = principal?.sessionId ?? cookieValue(cookies, VISITOR_COOKIE) ?? this.sessions.newVisitor(response);
    request.web = {
      locale,
      path: request.originalUrl,
      principal,
      csrfToken: this.sessions.csrfToken(boundTo),
      timeZone: this.site.timeZone,
      ...(this.site.logoUrl && { logoUrl: this.site.logoUrl }),
    };
    if (request.headers[LIVE_HEADER] !== undefined) request.web.liveFetch = true;
    else if (principal && request.method === 'GET') {
      const [unread, live] = await Promise.all([this.unread?.count(principal.userId), this.live.config(request.web, [])]);
      Object.assign(request.web, { unread, live });
    }
    // The same address answers in several languages, and differently signed in.
    response.vary('Accept-Language');
    response.vary('Cookie');
    // Refused as a page: the error page says so in the reader's language.
    const forged = request.method === 'POST' && (!this.sameSite(request) || !this.sessions.csrfValid(boundTo, this.formToken(request)));
    if (forged)
      throw Problems.forbidden('form_expired', 'This form was sent from another site, or has expired: reload the page and send it again.');
    next();
  }

  /**
   * The form's token: a field of the form, or, for a file upload (whose body is read later, by the
   * route), the `_csrf` of the address the form posts to.
   */
  private formToken(request: RequestWithWeb): unknown {
    if (request.headers['content-type']?.startsWith('multipart/form-data')) return request.query._csrf;
    return (request.body as Record<string, unknown> | undefined)?._csrf;
  }

  private sameSite(request: RequestWithWeb): boolean {
    const from = request.headers.origin ?? request.headers.referer;
    if (!from) return false;
    try {
      const origin = new URL(from).origin;
      return origin === this.origin || origin === `${request.protocol}://${request.headers.host}`;
    } catch {
      return false;
    }
  }
}
