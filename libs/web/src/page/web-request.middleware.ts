import { Injectable, type NestMiddleware } from '@nestjs/common';
import { SiteConfig } from '@polity/platform';
import type { NextFunction, Response } from 'express';
import { negotiateLocale } from '../i18n/locales';
import type { RequestWithWeb } from './web-request';

/** The cookie the language switcher sets: a visitor's choice outlasts their browser's preference. */
export const LOCALE_COOKIE = 'polity_locale';

const cookieValue = (header: string | undefined, name: string): string | undefined =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

@Injectable()
export class WebRequestMiddleware implements NestMiddleware {
  constructor(private readonly site: SiteConfig) {}

  use(request: RequestWithWeb, response: Response, next: NextFunction): void {
    const locale = negotiateLocale(
      cookieValue(request.headers.cookie, LOCALE_COOKIE),
      request.headers['accept-language'],
      this.site.defaultLocale,
    );
    request.web = { locale, path: request.originalUrl };
    // The same address answers in several languages.
    response.vary('Accept-Language');
    response.vary('Cookie');
    next();
  }
}
