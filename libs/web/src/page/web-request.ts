import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Locale } from '../i18n/locales';

/** What every page needs to know about the request it answers. */
export interface WebRequest {
  locale: Locale;
  /** The path and query asked for, for links back to this page (the language switcher). */
  path: string;
}

/** Set by WebRequestMiddleware on every request outside the api. */
export type RequestWithWeb = Request & { web?: WebRequest };

/** The page's WebRequest, as the middleware read it. */
export const Web = createParamDecorator((_: unknown, context: ExecutionContext): WebRequest => {
  const request = context.switchToHttp().getRequest<RequestWithWeb>();
  if (!request.web) throw new Error('WebRequestMiddleware did not run for this route');
  return request.web;
});
