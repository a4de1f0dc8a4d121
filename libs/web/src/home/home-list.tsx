import type { ComponentChildren } from 'preact';

export interface HomeListProps<T> {
  /** The section heading's id, which labels the section. */
  id: string;
  title: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ComponentChildren;
  /** A link to all of them, where the feature has a page listing them. */
  more?: { href: string; label: string };
}

/** A home page section: a titled list of what a feature has open now. */
export function HomeList<T>({ id, title, items, keyOf, render, more }: HomeListProps<T>) {
  return (
    <section aria-labelledby={id}>
      <h2 class="utrecht-heading-2" id={id}>
        {title}
      </h2>
      <ul class="polity-list">
        {items.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {more && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={more.href}>
            {more.label}
          </a>
        </p>
      )}
    </section>
  );
}

/** One open thing on the home page: its name (a link to its page), and when and where it stands. */
export function HomeItem({ title, href, children }: { title: string; href?: string; children: ComponentChildren }) {
  return (
    <>
      <h3 class="utrecht-heading-3">
        {href ? (
          <a class="utrecht-link" href={href}>
            {title}
          </a>
        ) : (
          title
        )}
      </h3>
      <p class="polity-meta">{children}</p>
    </>
  );
}
