import { ProblemException } from '@polity/platform';
import type { ComponentChildren } from 'preact';
import { localPath } from '../page/form-values';

/** A console's own navigation: its pages, the current one marked. */
export function ConsoleNav({ label, links, current }: { label: string; links: { href: string; label: string }[]; current: string }) {
  return (
    <nav class="polity-console-nav" aria-label={label}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What the last step did (after a redirect), or why it was refused: said once, where the eye lands. */
export function ConsoleNotice({ news, refusal }: { news?: string; refusal?: ComponentChildren }) {
  if (refusal)
    return (
      <p class="polity-notice polity-notice--refused" role="alert">
        {refusal}
      </p>
    );
  if (news)
    return (
      <p class="polity-notice" role="status">
        {news}
      </p>
    );
  return null;
}

/** The console page a form came from (its filters kept), when it is under `prefix`; else `prefix` itself. */
export function consoleBack(value: unknown, prefix: string): string {
  const path = localPath(value);
  return path === prefix || path.startsWith(`${prefix}?`) || path.startsWith(`${prefix}/`) ? path : prefix;
}

/** The same page with `news` (a message key's last part) to say what was done, replacing any earlier one. */
export function withNews(path: string, news: string): string {
  const url = new URL(path, 'http://polity.invalid');
  url.searchParams.delete('refused');
  url.searchParams.set('news', news);
  return `${url.pathname}${url.search}`;
}

/** A service's refusal a console shows beside the form (4xx); anything else is the server's fault and goes on. */
export function refusalOf(error: unknown): { status: number; code: string; detail: string } {
  if (error instanceof ProblemException && error.getStatus() >= 400 && error.getStatus() < 500)
    return { status: error.getStatus(), code: error.problem.code ?? 'refused', detail: error.problem.detail };
  throw error;
}
