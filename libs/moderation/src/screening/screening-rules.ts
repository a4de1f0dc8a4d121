import { normalisedWords } from './normalise-text';
import type { ScreeningSettings } from './screening-settings';
import { countOf } from '@polity/contracts';

/** What the worker knows about the author's recent activity when it screens one contribution. */
export interface ScreeningFacts {
  /** Other contributions by the same author in the last minute and hour. */
  postsLastMinute: number;
  postsLastHour: number;
  /** Earlier contributions with the same fingerprint, by the same author and by other accounts. */
  sameAuthorRepeats: number;
  otherAuthorRepeats: number;
}

export interface RuleHit {
  rule: 'words' | 'links' | 'repeats' | 'rate' | 'shouting';
  score: number;
  detail: string;
}

export interface ScreeningVerdict {
  score: number;
  hits: RuleHit[];
  flagged: boolean;
}

const LINK = /\bhttps?:\/\/[^\s<>()]+|\bwww\.[^\s<>()]+|\b[a-z0-9-]{2,}\.(?:com|net|org|info|biz|ru|xyz|top|io|co|ly|click|shop)\b/giu;

/** Every rule on one text; pure, so the same text and facts always give the same verdict. */
export function screenText(text: string, facts: ScreeningFacts, settings: ScreeningSettings): ScreeningVerdict {
  const words = normalisedWords(text);
  const hits = [
    wordsRule(words, settings),
    linksRule(text, settings),
    repeatsRule(words, facts, settings),
    rateRule(facts, settings),
    shoutingRule(text, settings),
  ].filter((hit): hit is RuleHit => hit !== null);
  // Scores are kept to two decimals so sums compare exactly with the threshold.
  const score = Math.round(hits.reduce((sum, hit) => sum + hit.score, 0) * 100) / 100;
  return { score, hits, flagged: score >= settings.holdScore };
}

/** The listed terms found in the text, each as a whole word (or words), never inside another word. */
export function matchedTerms(words: readonly string[], terms: readonly string[]): string[] {
  const matched: string[] = [];
  for (const term of terms) {
    const termWords = normalisedWords(term);
    if (termWords.length === 0) continue;
    const joined = termWords.join('');
    const found =
      words.some((_, start) => termWords.every((word, offset) => sameWord(words[start + offset], word))) ||
      words.some((word) => sameWord(word, joined));
    if (found) matched.push(term);
  }
  return matched;
}

/** A word matches a term's word exactly or as its plural (both already squeezed). */
function sameWord(word: string | undefined, term: string): boolean {
  return word !== undefined && (word === term || word === `${term}s` || word === `${term}es`);
}

function wordsRule(words: string[], settings: ScreeningSettings): RuleHit | null {
  const matched = matchedTerms(words, settings.words.terms);
  return matched.length > 0 ? { rule: 'words', score: settings.words.score, detail: `listed terms: ${matched.join(', ')}` } : null;
}

function linksRule(text: string, settings: ScreeningSettings): RuleHit | null {
  const links = text.match(LINK)?.length ?? 0;
  return links > settings.links.max
    ? { rule: 'links', score: settings.links.score, detail: `${countOf(links, 'link')} (limit ${settings.links.max})` }
    : null;
}

function repeatsRule(words: string[], facts: ScreeningFacts, settings: ScreeningSettings): RuleHit | null {
  const { repeats } = settings;
  if (words.join(' ').length < repeats.minLength) return null;
  if (facts.sameAuthorRepeats >= repeats.sameAuthor) {
    return { rule: 'repeats', score: repeats.score, detail: `same text posted ${facts.sameAuthorRepeats + 1} times by one author` };
  }
  if (facts.otherAuthorRepeats >= repeats.acrossAccounts) {
    return { rule: 'repeats', score: repeats.score, detail: `same text posted by ${facts.otherAuthorRepeats + 1} accounts` };
  }
  return null;
}

function rateRule(facts: ScreeningFacts, settings: ScreeningSettings): RuleHit | null {
  const { rate } = settings;
  if (facts.postsLastMinute >= rate.perMinute)
    return { rule: 'rate', score: rate.score, detail: `${countOf(facts.postsLastMinute + 1, 'post')} in a minute` };
  if (facts.postsLastHour >= rate.perHour)
    return { rule: 'rate', score: rate.score, detail: `${countOf(facts.postsLastHour + 1, 'post')} in an hour` };
  return null;
}

function shoutingRule(text: string, settings: ScreeningSettings): RuleHit | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const { shouting } = settings;
  if (letters < shouting.minLetters || upper / letters < shouting.ratio) return null;
  return { rule: 'shouting', score: shouting.score, detail: `${Math.round((100 * upper) / letters)}% capitals` };
}
