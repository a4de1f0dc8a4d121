/** A display condition as the server wrote it into `data-condition` (the same as the api's). */
interface Condition {
  question: string;
  operator: 'equals' | 'includes' | 'in_range';
  value?: string | number;
  min?: number;
  max?: number;
}

/** What the form holds for a question now: the chosen keys, or the typed value. */
function answerOf(form: HTMLFormElement, key: string): string[] {
  const controls = Array.from(
    form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="q.${CSS.escape(key)}"]`),
  );
  return controls
    .filter((control) => !(control instanceof HTMLInputElement) || !['radio', 'checkbox'].includes(control.type) || control.checked)
    .map((control) => control.value)
    .filter((value) => value !== '');
}

function holds(condition: Condition, given: string[]): boolean {
  if (given.length === 0) return false;
  switch (condition.operator) {
    case 'equals':
      return (
        given.length === 1 && (typeof condition.value === 'number' ? Number(given[0]) === condition.value : given[0] === condition.value)
      );
    case 'includes':
      return given.includes(String(condition.value));
    case 'in_range': {
      const number = Number(given[0]);
      return Number.isFinite(number) && number >= (condition.min ?? -Infinity) && number <= (condition.max ?? Infinity);
    }
  }
}

/**
 * Survey questions that depend on an answer on the same page appear and disappear as the resident
 * answers; without JavaScript the server asks them on the next step instead.
 */
export function enhanceConditions(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form')) {
    const dependent = Array.from(form.querySelectorAll<HTMLElement>('[data-condition]'));
    if (dependent.length === 0) continue;
    const apply = (): void => {
      for (const element of dependent) {
        const condition = JSON.parse(element.dataset.condition ?? '{}') as Condition;
        element.hidden = !holds(condition, answerOf(form, condition.question));
      }
      // The server asks a question revealed on this page before going on, unless the resident has seen it here.
      const shown = form.querySelector<HTMLInputElement>('input[name="shown"]');
      if (shown) {
        const visible = Array.from(form.querySelectorAll<HTMLElement>('[data-question]')).filter((element) => !element.hidden);
        shown.value = visible.map((element) => element.dataset.question).join(',');
      }
    };
    form.addEventListener('change', apply);
    form.addEventListener('input', apply);
  }
}
