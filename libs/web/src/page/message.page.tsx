import type { ComponentChildren } from 'preact';
import type { Translator } from '../i18n/translator';
import { Layout } from './layout';
import type { WebRequest } from './web-request';

export interface MessagePageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  title: string;
  /** What happened, a paragraph each. */
  paragraphs: string[];
  /** Where to go on from here. */
  link?: { href: string; label: string };
  children?: ComponentChildren;
}

/** A page that says how something went (a link spent, a report sent) and where to go next. */
export function MessagePage({ t, siteName, web, title, paragraphs, link, children }: MessagePageProps) {
  return (
    <Layout t={t} siteName={siteName} web={web} title={title}>
      {paragraphs.map((paragraph) => (
        <p class="utrecht-paragraph" key={paragraph}>
          {paragraph}
        </p>
      ))}
      {children}
      {link && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={link.href}>
            {link.label}
          </a>
        </p>
      )}
    </Layout>
  );
}
