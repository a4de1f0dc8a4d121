/**
 * Keys for lists a civil servant works through all day (`data-shortcuts` on the list): J and K move
 * to the next and previous item's heading (`data-shortcut-target`), X ticks its `data-shortcut-select`
 * box, C presses its `data-shortcut-claim` button. Never while typing, never with a modifier key.
 */
export function enhanceShortcuts(): void {
  const list = document.querySelector<HTMLElement>('[data-shortcuts]');
  if (!list) return;
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const targets = Array.from(list.querySelectorAll<HTMLElement>('[data-shortcut-target]'));
    if (targets.length === 0) return;
    const current = targets.findIndex((target) => target.closest('[data-live-key]')?.contains(document.activeElement));
    const item = current >= 0 ? targets[current].closest('[data-live-key]') : null;
    const key = event.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      const next = current < 0 ? 0 : Math.min(targets.length - 1, Math.max(0, current + (key === 'j' ? 1 : -1)));
      targets[next].focus();
      targets[next].scrollIntoView({ block: 'nearest' });
    } else if (key === 'x' && item) {
      item.querySelector<HTMLInputElement>('[data-shortcut-select]')?.click();
    } else if (key === 'c' && item) {
      item.querySelector<HTMLButtonElement>('[data-shortcut-claim]')?.click();
    } else return;
    event.preventDefault();
  });
}

function isTyping(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'submit', 'button'].includes(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName));
}
