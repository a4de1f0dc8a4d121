import { isUuid, type Principal, ProblemException } from '@polity/platform';
import type { ComponentChildren } from 'preact';
import type { Response } from 'express';
import { seeOther } from '../page/see-other';
import { localPath } from '../page/form-values';
import { PostForm } from '../page/form';
import type { Translator } from '../i18n/translator';
import type { WebRequest } from '../page/web-request';

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

/** A refusal as a console says it: its message in the reader's language, the service's reason in English, marked so. */
export function Refused({ t, message, detail }: { t: Translator; message: string; detail: string }) {
  return (
    <>
      {t.t(message, { reason: '' })}
      <span lang="en">{detail}</span>
    </>
  );
}

/** One step a console takes in one click: a form holding nothing but its button. */
export function StepButton({
  web,
  action,
  label,
  secondary = false,
}: {
  web: WebRequest;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <PostForm web={web} action={action}>
      <button class={`polity-button${secondary ? ' polity-button--secondary' : ''}`} type="submit">
        {label}
      </button>
    </PostForm>
  );
}

/** The signed-in staff member: a console's guard let the request through only with one. */
export const staffMember = (web: WebRequest): Principal => web.principal as Principal;

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** An id from the address for a service: a malformed one becomes an id nothing has, so the service answers 404 as for an unknown one. */
export const idOrNone = (value: string): string => (isUuid(value) ? value : NO_ID);

export type ConsoleRefusal = ReturnType<typeof refusalOf>;

/**
 * A console's step, post/redirect/get: done, on to `then` (a page saying what was done); refused by
 * the service (4xx), the page `refused` renders, with the refusal's status. Anything else is a fault.
 */
export async function consoleStep(
  response: Response,
  step: () => Promise<unknown>,
  then: string,
  refused: (refusal: ConsoleRefusal) => Promise<string> | string,
): Promise<string | undefined> {
  try {
    await step();
  } catch (error) {
    const refusal = refusalOf(error);
    response.status(refusal.status);
    return refused(refusal);
  }
  return seeOther(response, then);
}

/** The message for a `news` the address carries (`<prefix>.<news>`), when the console has one. */
export const newsText = (t: Translator, prefix: string, news: unknown): string | undefined =>
  typeof news === 'string' && t.has(`${prefix}.${news}`) ? t.t(`${prefix}.${news}`) : undefined;

/** The order with `key` swapped with its neighbour one step up (-1) or down (1); null when it is not there or already at that end. */
export function swappedWithNeighbour(order: readonly string[], key: string, by: -1 | 1): string[] | null {
  const from = order.indexOf(key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return null;
  const next = [...order];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** The buttons that move one item of an ordered list a step up or down (`<path>/up`, `<path>/down`), none past either end. */
export function MoveButtons(props: { web: WebRequest; path: string; index: number; count: number; up: string; down: string }) {
  return (
    <>
      {props.index > 0 && <StepButton web={props.web} action={`${props.path}/up`} label={props.up} secondary />}
      {props.index < props.count - 1 && <StepButton web={props.web} action={`${props.path}/down`} label={props.down} secondary />}
    </>
  );
}
