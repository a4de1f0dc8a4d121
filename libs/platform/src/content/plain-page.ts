import { escapeHtml } from './escape-html';

export interface FormField {
  name: string;
  label: string;
  type: 'password' | 'hidden';
  value?: string;
}

/**
 * A whole HTML page in Polity's plain style, for what mails link to (account links, unsubscribing):
 * no script, no outside resources, so the API's strict Content-Security-Policy serves it as it is.
 */
export function plainPage(
  title: string,
  paragraphs: readonly string[],
  form?: { fields: FormField[]; submit: string; action?: string },
): string {
  const text = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');
  const fields = (form?.fields ?? [])
    .map((field) =>
      field.type === 'hidden'
        ? `<input type="hidden" name="${field.name}" value="${escapeHtml(field.value ?? '')}">`
        : `<label>${escapeHtml(field.label)}<br><input type="${field.type}" name="${field.name}" required minlength="10" maxlength="256" autocomplete="new-password"></label>`,
    )
    .join('');
  const body = form
    ? `${text}<form method="post"${form.action ? ` action="${escapeHtml(form.action)}"` : ''}>${fields}<p><button type="submit">${escapeHtml(form.submit)}</button></p></form>`
    : text;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Polity</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}button{font-size:1rem;padding:.5rem 1rem}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}
