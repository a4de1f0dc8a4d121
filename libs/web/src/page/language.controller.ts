import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@polity/platform';
import type { Response } from 'express';
import { isLocale } from '../i18n/locales';
import { localPath } from './form-values';
import { LOCALE_COOKIE } from './web-request.middleware';

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** The language switcher: plain links, so it works without JavaScript. */
@ApiExcludeController()
@Public()
@Controller('language')
export class LanguageController {
  @Get()
  choose(@Query('to') to: unknown, @Query('back') back: unknown, @Res() response: Response): void {
    if (isLocale(to)) response.cookie(LOCALE_COOKIE, to, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, path: '/' });
    response.redirect(303, localPath(back));
  }
}
