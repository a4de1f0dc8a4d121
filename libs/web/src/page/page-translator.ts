import type { Catalogue } from '../i18n/catalogue';
import { Translator } from '../i18n/translator';
import { SHELL_MESSAGES } from '../shell.messages';
import type { WebRequest } from './web-request';

/** The words of one page: the shell's and the page's own catalogues, in the request's language and the site's time zone. */
export function pageTranslator(web: WebRequest, ...catalogues: Catalogue[]): Translator {
  return new Translator(web.locale, [SHELL_MESSAGES, ...catalogues], web.timeZone);
}
