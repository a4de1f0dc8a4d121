/** Says something once in the page's polite status region (emptied first: the same text set again is not read again). */
export function announce(text: string): void {
  const region = document.getElementById('live-status');
  const words = text.replace(/\s+/g, ' ').trim();
  if (!region || !words) return;
  region.textContent = '';
  window.setTimeout(() => (region.textContent = words), 100);
}

const byKey = (key: string): HTMLElement | null => document.querySelector<HTMLElement>(`[data-live-key="${CSS.escape(key)}"]`);

/** The list a first reply goes in, made under the item it answers (`data-live-under`), when that is on the page. */
function newList(item: HTMLElement): HTMLElement | null {
  const parent = byKey(item.dataset.liveUnder ?? '');
  if (!parent) return null;
  const list = document.createElement('ul');
  list.className = 'polity-comments';
  list.dataset.liveList = item.dataset.liveIn ?? '';
  parent.append(list);
  return list;
}

/**
 * Puts one item (a comment, say) where it belongs: in place of its older version, or at the end of
 * its list (`data-live-in` names it), announced once.
 */
export function placeItem(item: HTMLElement): void {
  const existing = byKey(item.dataset.liveKey ?? '');
  if (existing) {
    // Only the item's own content (`data-live-body`): what is nested in it (replies) is placed item by item.
    const [before, after] = [existing, item].map((element) => element.querySelector(':scope > [data-live-body]') ?? element);
    if (before.outerHTML === after.outerHTML) return;
    const focused = before.contains(document.activeElement) ? document.activeElement?.id : undefined;
    before.replaceWith(after);
    // The reader pressed something in it (a vote): the same control, renewed, keeps the focus.
    if (focused) document.getElementById(focused)?.focus();
    return;
  }
  const list = document.querySelector<HTMLElement>(`[data-live-list="${CSS.escape(item.dataset.liveIn ?? '')}"]`) ?? newList(item);
  if (!list) return;
  list.append(item);
  document.querySelector(`[data-live-empty="${CSS.escape(list.dataset.liveList ?? '')}"]`)?.remove();
  if (item.dataset.announce) announce(item.dataset.announce);
}

/**
 * Takes out of a pruned part (`data-live-prune`: a queue, whose items leave once dealt with) the items
 * the fresh copy no longer has; focus inside one moves to the next item's heading, or the part.
 */
function pruneItems(part: HTMLElement, kept: Set<string>): string[] {
  const gone = Array.from(part.querySelectorAll<HTMLElement>('[data-live-key]')).filter((item) => !kept.has(item.dataset.liveKey ?? ''));
  for (const item of gone) {
    if (item.contains(document.activeElement)) {
      const next = item.nextElementSibling?.querySelector<HTMLElement>('[tabindex="-1"]') ?? part;
      if (!next.hasAttribute('tabindex')) next.setAttribute('tabindex', '-1');
      next.focus();
    }
    item.remove();
  }
  return gone.length > 0 && part.dataset.pruned ? [part.dataset.pruned] : [];
}

/**
 * Brings the page's live parts (`data-live-part`) up to date from a fresh copy of the page: lists
 * item by item, other parts whole, keeping the reader's focus where it was; what changed is said once.
 */
export function mergeParts(next: Document): void {
  const said: string[] = [];
  for (const part of next.querySelectorAll<HTMLElement>('[data-live-part]')) {
    const current = document.querySelector<HTMLElement>(`[data-live-part="${CSS.escape(part.dataset.livePart ?? '')}"]`);
    if (!current) continue;
    if (part.querySelector('[data-live-key]') || (current.hasAttribute('data-live-prune') && current.querySelector('[data-live-key]'))) {
      const fresh = part.querySelectorAll<HTMLElement>('[data-live-key]');
      if (current.hasAttribute('data-live-prune'))
        said.push(...pruneItems(current, new Set(Array.from(fresh, (item) => item.dataset.liveKey ?? ''))));
      for (const item of fresh) placeItem(document.importNode(item, true));
      continue;
    }
    if (current.innerHTML === part.innerHTML) continue;
    const focused = document.activeElement?.id;
    current.replaceChildren(...Array.from(part.childNodes, (node) => document.importNode(node, true)));
    if (focused && current.querySelector(`#${CSS.escape(focused)}`)) document.getElementById(focused)?.focus();
    // What the new version says about itself (`data-announce`), else its text; a part that emptied says nothing.
    if (!current.hasAttribute('data-live-quiet')) said.push(part.dataset.announce ?? current.innerText);
  }
  announce(
    said
      .map((text) => text.trim())
      .filter(Boolean)
      .join('. '),
  );
}
