import type { DigestPeriod } from '@polity/contracts';
import { escapeHtml } from '@polity/platform';

export interface MailNotification {
  title: string;
  body: string;
  resource: { kind: string; id: string; title: string | null } | null;
}

export interface MailLinks {
  /** Where a resource is read, e.g. `https://city.example/proposals/<id>`. */
  resourceUrl: (kind: string, id: string) => string;
  /** Turns off this kind of email (immediate mail) or every email (digests): mail clients' one-click POST. */
  unsubscribeUrl: string;
  /** The same, as the site's page that asks first, for the link in the message. */
  unsubscribePageUrl: string;
  preferencesUrl: string;
}

/** The mail's own words, in the recipient's language (see mailWords). */
export interface MailWords {
  lang: string;
  open: string;
  why: string;
  settings: string;
  unsubscribeOne: string;
  unsubscribeAll: string;
  daily: string;
  weekly: string;
  yours: string;
  subject: (count: number, first: string, more: number) => string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const footer = (links: MailLinks, words: MailWords, unsubscribe: string) => ({
  text: `--\n${words.why}\n${words.settings}: ${links.preferencesUrl}\n${unsubscribe}: ${links.unsubscribePageUrl}\n`,
  html: `<hr><p style="color:#666;font-size:12px">${escapeHtml(words.why)}
<a href="${escapeHtml(links.preferencesUrl)}">${escapeHtml(words.settings)}</a> · <a href="${escapeHtml(links.unsubscribePageUrl)}">${escapeHtml(unsubscribe)}</a></p>`,
});

const page = (words: MailWords, body: string): string =>
  `<!doctype html><html lang="${escapeHtml(words.lang)}"><body style="font-family:sans-serif;max-width:40em">${body}</body></html>`;

export function renderNotificationMail(notification: MailNotification, links: MailLinks, words: MailWords): RenderedMail {
  const url = notification.resource ? links.resourceUrl(notification.resource.kind, notification.resource.id) : links.preferencesUrl;
  const foot = footer(links, words, words.unsubscribeOne);
  return {
    subject: notification.title,
    text: `${notification.body}\n\n${url}\n\n${foot.text}`,
    html: page(
      words,
      `<p>${escapeHtml(notification.body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(words.open)}</a></p>${foot.html}`,
    ),
  };
}

interface DigestSection {
  heading: string;
  url: string | null;
  /** Distinct lines, each with how many notifications said it. */
  lines: { text: string; count: number }[];
}

/** Groups by resource in order of first appearance; identical lines collapse into one with a count. */
function sections(notifications: readonly MailNotification[], links: MailLinks, words: MailWords): DigestSection[] {
  const byKey = new Map<string, DigestSection>();
  for (const notification of notifications) {
    const key = notification.resource ? `${notification.resource.kind}:${notification.resource.id}` : 'yours';
    let section = byKey.get(key);
    if (!section) {
      section = notification.resource
        ? {
            heading: notification.resource.title ?? notification.title,
            url: links.resourceUrl(notification.resource.kind, notification.resource.id),
            lines: [],
          }
        : { heading: words.yours, url: null, lines: [] };
      byKey.set(key, section);
    }
    const line = section.lines.find((existing) => existing.text === notification.title);
    if (line) line.count += 1;
    else section.lines.push({ text: notification.title, count: 1 });
  }
  return [...byKey.values()];
}

const counted = (line: { text: string; count: number }): string => (line.count > 1 ? `${line.text} (×${line.count})` : line.text);

/** One message for a period: a subject that says what, one section per resource, no repeated lines. */
export function renderDigestMail(
  period: DigestPeriod,
  notifications: readonly MailNotification[],
  links: MailLinks,
  words: MailWords,
): RenderedMail {
  const grouped = sections(notifications, links, words);
  const subject = words.subject(notifications.length, grouped[0]?.heading ?? '', grouped.length - 1);
  const intro = period === 'daily' ? words.daily : words.weekly;
  const foot = footer(links, words, words.unsubscribeAll);
  const text = grouped
    .map((section) =>
      [section.heading, ...section.lines.map((line) => `- ${counted(line)}`), ...(section.url ? [section.url] : [])].join('\n'),
    )
    .join('\n\n');
  const html = grouped
    .map(
      (section) =>
        `<h3>${section.url ? `<a href="${escapeHtml(section.url)}">${escapeHtml(section.heading)}</a>` : escapeHtml(section.heading)}</h3><ul>${section.lines
          .map((line) => `<li>${escapeHtml(counted(line))}</li>`)
          .join('')}</ul>`,
    )
    .join('');
  return { subject, text: `${intro}\n\n${text}\n\n${foot.text}`, html: page(words, `<p>${escapeHtml(intro)}</p>${html}${foot.html}`) };
}
