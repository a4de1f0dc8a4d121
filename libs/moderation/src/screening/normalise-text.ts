import { createHash } from 'node:crypto';

/** Characters spammers put in place of letters; mapped only inside words that hold a letter. */
const LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };

/** Runs of at least this many one-letter words are read as one spaced-out word (`f r e e`). */
const SPACED_OUT_MIN_LETTERS = 3;

/**
 * The words of a text as the word list sees them: accents and case folded, look-alike digits and
 * symbols turned back into letters, punctuation treated as spaces, spaced-out letters joined, and
 * repeated letters squeezed. `F.R.E.E  m0neyyy!!` reads as `fre money` (squeezed `free money`).
 */
export function normalisedWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const raw = folded.split(/[^\p{L}\p{N}@$]+/u).filter((token) => token.length > 0);
  const mapped = raw.map((token) =>
    /\p{L}/u.test(token) ? [...token].map((char) => LOOKALIKES[char] ?? char).join('') : token.replace(/[@$]/g, ''),
  );
  const words: string[] = [];
  let letters: string[] = [];
  const flush = (): void => {
    if (letters.length >= SPACED_OUT_MIN_LETTERS) words.push(letters.join(''));
    else words.push(...letters);
    letters = [];
  };
  for (const token of mapped.filter((t) => t.length > 0)) {
    if (token.length === 1) letters.push(token);
    else {
      flush();
      words.push(token);
    }
  }
  flush();
  return words.map((word) => (/\p{L}/u.test(word) ? squeeze(word) : word));
}

/** `freeee` and `free` compare equal: every run of one letter counts once. */
export function squeeze(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

/** Identical texts up to case, spacing, punctuation and look-alikes share a fingerprint. */
export function fingerprint(words: readonly string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex');
}
