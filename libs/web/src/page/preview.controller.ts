import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, renderMarkdown } from '@polity/platform';
import { HTML } from './render-page';

/** The longest text any form takes (a proposal's body). */
const MAX_TEXT = 20_000;

/**
 * Renders a form's Markdown as it will be published, for the live client's preview while the person
 * writes (the forms' own Preview button does the same without JavaScript). Posted with the form's
 * token like any form; it stores nothing.
 */
@ApiExcludeController()
@Public()
@Controller('preview')
export class PreviewController {
  @Post()
  @HttpCode(200)
  @Header('content-type', HTML)
  @Header('cache-control', 'no-store')
  preview(@Body() form: Record<string, unknown>): string {
    return renderMarkdown(typeof form.text === 'string' ? form.text.slice(0, MAX_TEXT) : '');
  }
}
