import { announce } from './live-parts';

/** What the server wrote into `data-running-total`: the limits, and the phrases with `¤` for an amount, `#` for a count. */
interface Templates {
  currency: string;
  limit?: number;
  maxPoints?: number;
  count: Record<string, string>;
  spent: string;
  left: string;
  over: string;
  given: Record<string, string>;
  pointsLeft: Record<string, string>;
  pointsOver: Record<string, string>;
}

const lang = (): string => document.documentElement.lang;

function counted(forms: Record<string, string>, count: number): string {
  const form = (count === 0 ? forms.zero : undefined) ?? forms[new Intl.PluralRules(lang()).select(count)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(lang()).format(count));
}

/**
 * Ballots keep their running total (choices, money, points) current as the resident ticks, types or
 * ranks; the money or points left are said in the polite status region once they stop for a moment.
 */
export function enhanceRunningTotals(): void {
  for (const total of document.querySelectorAll<HTMLElement>('[data-running-total]')) {
    const form = total.closest('form');
    if (!form) continue;
    const templates = JSON.parse(total.dataset.runningTotal ?? '{}') as Templates;
    const money = (amount: number) =>
      new Intl.NumberFormat(lang(), { style: 'currency', currency: templates.currency, maximumFractionDigits: 0 }).format(amount);
    let timer: number | undefined;
    const update = (): void => {
      let chosen = 0;
      let spent = 0;
      let points = 0;
      for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-cost]')) {
        const cost = Number(control.dataset.cost);
        const value =
          control instanceof HTMLInputElement && control.type === 'checkbox' ? (control.checked ? 1 : 0) : Number(control.value) || 0;
        if (value <= 0) continue;
        chosen += 1;
        spent += cost;
        if (control instanceof HTMLInputElement && control.type === 'number') points += value;
      }
      const say: string[] = [];
      const set = (name: string, text: string): void => {
        const line = total.querySelector<HTMLElement>(`[data-total="${name}"]`);
        if (line && line.textContent !== text) line.textContent = text;
        say.push(text);
      };
      set('count', counted(templates.count, chosen));
      if (templates.maxPoints !== undefined) {
        const left = templates.maxPoints - points;
        set(
          'points',
          `${counted(templates.given, points)} ${counted(left < 0 ? templates.pointsOver : templates.pointsLeft, Math.abs(left))}`,
        );
      }
      let line = templates.spent.replace('¤', money(spent));
      if (templates.limit !== undefined) {
        const left = templates.limit - spent;
        line += ` ${(left < 0 ? templates.over : templates.left).replace('¤', money(Math.abs(left)))}`;
      }
      set('money', line);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => announce(say.slice(1).join(' ') || say[0]), 700);
    };
    form.addEventListener('change', update);
    form.addEventListener('input', update);
  }
}
