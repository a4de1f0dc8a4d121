import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A message from the drop folder, decoded for a person (or a script) to read. */
export interface DroppedMail {
  file: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  links: string[];
}

/**
 * The newest `.eml` the {@link Mailer} left in its drop folder, or null when there is none.
 * Mail on the wire is quoted-printable, where long links are cut with `=` at each line's end, so
 * printing the file raw breaks them; this reads the plain-text part as it was written.
 */
export async function newestDroppedMail(folder: string, to?: string): Promise<DroppedMail | null> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.eml') && !name.startsWith('.'));
  } catch {
    return null;
  }
  // Names begin with the ISO time they were written, so the last in order is the newest.
  for (const name of names.sort().reverse()) {
    const mail = decodeMail(name, await readFile(join(folder, name), 'latin1'));
    if (to === undefined || mail.to.toLowerCase().includes(to.toLowerCase())) return mail;
  }
  return null;
}

export function decodeMail(file: string, raw: string): DroppedMail {
  const [head, body] = splitHeaderAndBody(raw);
  const headers = parseHeaders(head);
  const text = plainText(headers, body);
  return {
    file,
    to: decodeWords(headers.get('to') ?? ''),
    subject: decodeWords(headers.get('subject') ?? ''),
    date: headers.get('date') ?? '',
    text,
    links: [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])],
  };
}

function splitHeaderAndBody(raw: string): [string, string] {
  const end = raw.search(/\r?\n\r?\n/);
  if (end < 0) return [raw, ''];
  return [raw.slice(0, end), raw.slice(end).replace(/^\r?\n\r?\n/, '')];
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function plainText(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return decodeBody(body, headers.get('content-transfer-encoding'));
  const parts = body.split(`--${boundary}`).slice(1, -1);
  const decoded = parts.map((part) => {
    const [partHead, partBody] = splitHeaderAndBody(part.replace(/^\r?\n/, ''));
    const partHeaders = parseHeaders(partHead);
    return { type: partHeaders.get('content-type') ?? '', text: () => plainText(partHeaders, partBody) };
  });
  const chosen = decoded.find((part) => /^text\/plain/i.test(part.type)) ?? decoded.find((part) => /^multipart\//i.test(part.type));
  return chosen ? chosen.text() : '';
}

function decodeBody(body: string, encoding = '7bit'): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) return quotedPrintable(body);
  return Buffer.from(body, 'latin1').toString('utf8');
}

function quotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const hex = joined[index] === '=' ? /^[0-9A-Fa-f]{2}/.exec(joined.slice(index + 1, index + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      index += 2;
    } else {
      bytes.push(joined.charCodeAt(index) & 0xff);
    }
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

/** RFC 2047 encoded words, as in `Subject: =?UTF-8?Q?Confirm_your_address?=`. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_match, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : quotedPrintable(text.replace(/_/g, ' ')),
    );
}
