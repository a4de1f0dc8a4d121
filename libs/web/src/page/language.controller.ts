import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@polity/platform';
import type { Response } from 'express';
import { isLocale, type Locale } from '../i18n/locales';
import { localPath } from './form-values';
import { LOCALE_COOKIE } from './web-request.middleware';

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** Remembers a language for this browser (the switcher, or the account's language just chosen). */
export function rememberLocale(response: Response, locale: Locale): void {
  response.cookie(LOCALE_COOKIE, locale, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, path: '/' });
}

/** The language switcher: plain links, so it works without JavaScript. It sets this browser's language; an account's is set on its page. */
@ApiExcludeController()
@Public()
@Controller('language')
export class LanguageController {
  @Get()
  choose(@Query('to') to: unknown, @Query('back') back: unknown, @Res() response: Response): void {
    if (isLocale(to)) rememberLocale(response, to);
    response.redirect(303, localPath(back));
  }
}
