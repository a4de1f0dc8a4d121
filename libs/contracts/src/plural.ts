const englishPlurals = new Intl.PluralRules('en');

/**
 * "1 support", "2 supports": a count with its noun in the plural form the count takes. English has
 * two forms; the message catalogues of other languages bring their own rules through Intl.PluralRules.
 */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${englishPlurals.select(count) === 'one' ? one : other}`;
}
