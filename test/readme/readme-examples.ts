import { readFileSync } from 'node:fs';

/** One `sh` block of the README, as a script with its expectations numbered in order. */
export interface ReadmeBlock {
  heading: string;
  script: string;
}

/** What the README says a command answers: `# → 202 {"detail":…}` or `# → {"supportCount":1}`. */
export interface Expectation {
  heading: string;
  status: number | null;
  body: string;
}

const FENCE = /^```sh\n([\s\S]*?)^```/gm;
const EXPECTATION = /^\s*# → (.*)$/;

/** Blocks that set up or test the checkout itself: the harness does those (npm ci, npm start, npm test). */
const SETUP = /^(npm ci|npm start|npm test)\s*$/;

export function readmeBlocks(path: string): ReadmeBlock[] {
  const text = readFileSync(path, 'utf8');
  const blocks: ReadmeBlock[] = [];
  for (const match of text.matchAll(FENCE)) {
    const lines = match[1].trimEnd().split('\n');
    if (lines.every((line) => SETUP.test(line))) continue;
    // The nearest heading above, outside code blocks (whose comments also start with #).
    const before = text.slice(0, match.index).replace(/^```[\s\S]*?^```/gm, '');
    const heading = [...before.matchAll(/^#+ (.*)$/gm)].at(-1)?.[1] ?? '(top)';
    blocks.push({ heading, script: lines.join('\n') });
  }
  return blocks;
}

/**
 * The script to run, with each `# →` line turned into a call that records which request it is
 * about (the last one before it), and the expectations in the same order.
 */
export function instrument(blocks: ReadmeBlock[]): { script: string; expectations: Expectation[] } {
  const expectations: Expectation[] = [];
  const out: string[] = [];
  for (const block of blocks) {
    out.push(`__section ${JSON.stringify(block.heading)}`);
    for (const line of block.script.split('\n')) {
      const expected = EXPECTATION.exec(line);
      if (!expected) {
        out.push(line);
        continue;
      }
      const [, statusText, body] = /^(?:(\d{3})\b\s*)?(.*)$/.exec(expected[1].trim()) ?? [];
      expectations.push({ heading: block.heading, status: statusText ? Number(statusText) : null, body: leadingValue(body ?? '') });
      out.push(`__expect ${expectations.length - 1}`);
    }
  }
  return { script: out.join('\n'), expectations };
}

/** The JSON-like value at the start of the text (the rest of the comment is prose). */
function leadingValue(text: string): string {
  if (!/^[[{]/.test(text)) return text.split(/\s{2,}/)[0];
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '\\') index++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return text.slice(0, index + 1);
    }
  }
  return text;
}

const ANY = Symbol('anything');

/**
 * Reads an expected value as the README writes it: JSON where `"…"` and `{…}` stand for any value
 * and a trailing `,…` or `…` inside an object or array for "and more".
 */
export function parseExpected(text: string): unknown {
  const marked = text
    .replace(/"…"/g, '"__ANY__"')
    .replace(/\{…\}/g, '"__ANY__"')
    .replace(/\[…\]/g, '"__ANY__"')
    .replace(/,\s*…\s*([}\]])/g, '$1')
    .replace(/([[{])\s*…\s*,?/g, '$1');
  return JSON.parse(marked, (_key, value: unknown) => (value === '__ANY__' ? ANY : value));
}

/** Objects match when every expected key matches (more keys may be there); arrays element by element. */
export function matches(expected: unknown, actual: unknown): boolean {
  if (expected === ANY) return actual !== undefined;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length <= actual.length && expected.every((item, index) => matches(item, actual[index]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) => matches(value, (actual as Record<string, unknown>)[key]));
  }
  return expected === actual;
}
