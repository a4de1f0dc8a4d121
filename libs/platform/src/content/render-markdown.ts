import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in the source is escaped, never passed through; links are auto-detected.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

/** The Markdown subset citizens may use, and nothing else survives. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'h6', 'hr'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }),
    // Headings inside a contribution must not outrank the page's own.
    h1: 'h3',
    h2: 'h4',
  },
  disallowedTagsMode: 'escape',
};

/**
 * Rendering and sanitising was the largest part of serving a page of proposals or comments, for
 * texts that rarely change: the last few thousand renderings are kept, bounded by their size.
 */
const CACHE_CHARACTERS = 8_000_000;
const rendered = new Map<string, string>();
let cachedCharacters = 0;

function remember(source: string, html: string): void {
  const size = source.length + html.length;
  if (size > CACHE_CHARACTERS / 100) return;
  rendered.set(source, html);
  cachedCharacters += size;
  for (const [oldest, oldestHtml] of rendered) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    rendered.delete(oldest);
    cachedCharacters -= oldest.length + oldestHtml.length;
  }
}

/**
 * Renders citizen-written Markdown to HTML that is safe to insert into a page: markdown-it with raw
 * HTML disabled, then an allow-list sanitiser as a second, independent line of defence (no scripts,
 * no event handlers, no `javascript:` or `data:` links).
 */
export function renderMarkdown(source: string): string {
  const cached = rendered.get(source);
  if (cached !== undefined) {
    // Most recently used last, so the oldest is evicted first.
    rendered.delete(source);
    rendered.set(source, cached);
    return cached;
  }
  const html = sanitizeHtml(markdown.render(source), ALLOWED).trim();
  remember(source, html);
  return html;
}

/** Control characters other than tab and newlines are removed from stored text. */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
