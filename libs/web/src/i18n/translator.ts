import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue } from './catalogue';
import type { Locale } from './locales';

type Values = Record<string, string | number | Date>;

const compiled = new Map<string, IntlMessageFormat>();
// Building an Intl formatter costs far more than using one, and a page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}

/**
 * The words of one page in one language: messages from the catalogues the page uses, and dates and
 * numbers through Intl. A key no catalogue has is an error, never text on the page.
 */
export class Translator {
  private readonly messages: Record<string, string>;

  constructor(
    readonly locale: Locale,
    catalogues: readonly Catalogue[],
    /** Where the site is (SITE_TIME_ZONE): dates and times are shown as they are there. */
    readonly timeZone = 'UTC',
  ) {
    this.messages = Object.assign({}, ...catalogues.map((catalogue) => catalogue[locale])) as Record<string, string>;
  }

  t(key: string, values?: Values): string {
    const source = this.messages[key];
    if (source === undefined) throw new Error(`No message "${key}" in the ${this.locale} catalogues of this page`);
    const cacheKey = `${this.locale}\u0000${key}\u0000${source}`;
    let format = compiled.get(cacheKey);
    if (!format) compiled.set(cacheKey, (format = new IntlMessageFormat(source, this.locale)));
    return String(format.format(values));
  }

  /** Whether this page's catalogues have the message (for a label chosen from data, with a fallback). */
  has(key: string): boolean {
    return this.messages[key] !== undefined;
  }

  /** A date (and time, unless `dateOnly`) as people of this language write it, in the site's time zone; a time names its zone. */
  date(iso: string | Date, options: { dateOnly?: boolean } = {}): string {
    const dateOnly = options.dateOnly ?? false;
    const timeZone = this.timeZone;
    return formatter(`date:${this.locale}:${dateOnly}:${timeZone}`, () =>
      dateOnly
        ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone })
        : new Intl.DateTimeFormat(this.locale, {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            timeZone,
            timeZoneName: 'short',
          }),
    ).format(new Date(iso));
  }

  number(value: number): string {
    return formatter(`number:${this.locale}`, () => new Intl.NumberFormat(this.locale)).format(value);
  }

  /** An amount in whole units of a currency (budgets count in them), with cents only when it has some. */
  amount(value: number, currency: string): string {
    const whole = Number.isInteger(value);
    return formatter(
      `amount:${this.locale}:${currency}:${whole}`,
      () =>
        new Intl.NumberFormat(this.locale, {
          style: 'currency',
          currency,
          ...(whole && { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
        }),
    ).format(value);
  }

  /** How far off a moment is ("in 3 days", "2 hours ago"), in the largest unit that is at least one. */
  relative(iso: string | Date, now: Date = new Date()): string {
    const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    const [unit, size] = units.find(([, length]) => Math.abs(seconds) >= length) ?? units[2];
    return formatter(`relative:${this.locale}`, () => new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' })).format(
      Math.round(seconds / size),
      unit,
    );
  }

  /** An amount in minor units (cents) of a currency. */
  money(minorUnits: number, currency: string): string {
    return formatter(`money:${this.locale}:${currency}`, () => new Intl.NumberFormat(this.locale, { style: 'currency', currency })).format(
      minorUnits / 100,
    );
  }
}
