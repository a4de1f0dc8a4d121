import { Injectable } from '@nestjs/common';
import { AuthConfig, HttpConfig } from '@polity/platform';
import { resourcePage } from '@polity/web';
import type { MailLinks } from './render-mail';
import { type UnsubscribeScope, unsubscribeToken } from './unsubscribe-token';

/** The addresses a message links to, for one person. */
@Injectable()
export class MailLinkFactory {
  constructor(
    private readonly http: HttpConfig,
    private readonly auth: AuthConfig,
  ) {}

  unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
    return `${this.http.publicUrl}/api/v1/notifications/unsubscribe?token=${unsubscribeToken(this.auth.unsubscribeSecret, userId, scope)}`;
  }

  for(userId: string, scope: UnsubscribeScope): MailLinks {
    return {
      // The site's page where there is one; the api's record otherwise (those kinds' pages come next).
      resourceUrl: (kind, id) => `${this.http.publicUrl}${resourcePage(kind, id) ?? `/api/v1/${kind}/${id}`}`,
      unsubscribeUrl: this.unsubscribeUrl(userId, scope),
      unsubscribePageUrl: `${this.http.publicUrl}/unsubscribe?token=${unsubscribeToken(this.auth.unsubscribeSecret, userId, scope)}`,
      preferencesUrl: `${this.http.publicUrl}/notifications/settings`,
    };
  }

  /** RFC 2369 and RFC 8058 headers, so mail clients offer their own one-click unsubscribe. */
  headers(links: MailLinks): Record<string, string> {
    return { 'List-Unsubscribe': `<${links.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }
}
