import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@polity/platform';
import type { Response } from 'express';
import { SiteTheme } from '../theme/site-theme';
import { SITE_CSS } from './site-styles';

const DAY = 'public, max-age=86400';
const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

/** The NL Design System's component styles (EUPL-1.2), as the package ships them. */
const utrechtCss = (): string => readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css'), 'utf8');

/** The live client bundled by scripts/build-client.js into the project's dist-client/ (the same from dist/ and from sources). */
function liveClient(): string | undefined {
  let directory = __dirname;
  while (!existsSync(join(directory, 'package.json')) && dirname(directory) !== directory) directory = dirname(directory);
  const bundle = join(directory, 'dist-client', 'live.js');
  return existsSync(bundle) ? readFileSync(bundle, 'utf8') : undefined;
}

/** The site's style sheets and its one script, read once. */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  private readonly files: Record<string, string | undefined>;

  constructor(theme: SiteTheme) {
    this.files = { 'utrecht.css': utrechtCss(), 'site.css': SITE_CSS, 'theme.css': theme.css, 'live.js': liveClient() };
  }

  @Get(':file')
  @Header('cache-control', DAY)
  file(@Param('file') file: string, @Res({ passthrough: true }) response: Response): string {
    const body = Object.hasOwn(this.files, file) ? this.files[file] : undefined;
    if (body === undefined) throw new NotFoundException();
    response.type(TYPES[file.slice(file.lastIndexOf('.') + 1)]);
    return body;
  }
}
