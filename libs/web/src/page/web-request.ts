import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@polity/platform';
import type { Request } from 'express';
import type { Locale } from '../i18n/locales';
import type { LiveConfig } from '../live/live-config';

/** What every page needs to know about the request it answers. */
export interface WebRequest {
  locale: Locale;
  /** The path and query asked for, for links back to this page (the language switcher, sign-in). */
  path: string;
  /** Who is signed in, through the session cookie; undefined for a visitor. */
  principal: Principal | undefined;
  /** The token this request's forms carry (see WebSessions.csrfToken). */
  csrfToken: string;
  /** The site's time zone (SITE_TIME_ZONE), which its dates and times are shown in. */
  timeZone: string;
  /** The municipality's logo for the header (SITE_LOGO_URL), when it has one. */
  logoUrl?: string;
  /** For the header's badge: the signed-in reader's unread notifications (undefined without that feature). */
  unread?: number;
  /** The live client fetching a fragment or a page's live parts (LIVE_HEADER): no header badge or live configuration needed. */
  liveFetch?: boolean;
  /** What a page without live parts of its own follows: the reader's own room, for the badge. */
  live?: LiveConfig;
}

/** Whether a path is one of the site's pages: not the JSON api, the health checks or the style sheets and script. */
export const isPagePath = (path: string): boolean => !/^\/(api|health|assets)(\/|$)/.test(path);

/** Set by WebRequestMiddleware on every request outside the api. */
export type RequestWithWeb = Request & { web?: WebRequest };

/** The page's WebRequest, as the middleware read it. */
export const Web = createParamDecorator((_: unknown, context: ExecutionContext): WebRequest => {
  const request = context.switchToHttp().getRequest<RequestWithWeb>();
  if (!request.web) throw new Error('WebRequestMiddleware did not run for this route');
  return request.web;
});
