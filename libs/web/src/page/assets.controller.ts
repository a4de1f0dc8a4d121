import { readFileSync } from 'node:fs';
import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@polity/platform';
import { SiteTheme } from '../theme/site-theme';
import { SITE_CSS } from './site-styles';

const CSS = 'text/css; charset=utf-8';
const DAY = 'public, max-age=86400';

/** The NL Design System's component styles (EUPL-1.2), as the package ships them. */
const utrechtCss = (): string => readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');

/** The site's style sheets, read once. */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  private readonly files: Record<string, string>;

  constructor(theme: SiteTheme) {
    this.files = { 'utrecht.css': utrechtCss(), 'site.css': SITE_CSS, 'theme.css': theme.css };
  }

  @Get(':file')
  @Header('content-type', CSS)
  @Header('cache-control', DAY)
  file(@Param('file') file: string): string {
    const body = Object.hasOwn(this.files, file) ? this.files[file] : undefined;
    if (body === undefined) throw new NotFoundException();
    return body;
  }
}
