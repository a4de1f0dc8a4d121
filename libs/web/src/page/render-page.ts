import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export const HTML = 'text/html; charset=utf-8';

/** A whole HTML document from its root component. */
export function renderPage(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
