/**
 * Polity's own tokens for the NL Design System components (the municipality's brand colour comes
 * from theme.css), and the page layout. Kept as a module so the build needs no asset copying.
 * Sizes in rem, so 200% zoom and a 320 px screen reflow rather than scroll sideways.
 */
export const SITE_CSS = `
:root {
  --utrecht-document-font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  --utrecht-document-font-size: 1.0625rem;
  --utrecht-document-line-height: 1.5;
  --utrecht-document-color: #1a1a1a;
  --utrecht-document-background-color: #ffffff;
  --utrecht-heading-1-font-size: 2rem;
  --utrecht-heading-1-font-weight: 700;
  --utrecht-heading-1-line-height: 1.2;
  --utrecht-heading-1-margin-block-end: 1rem;
  --utrecht-heading-2-font-size: 1.5rem;
  --utrecht-heading-2-font-weight: 700;
  --utrecht-heading-2-line-height: 1.25;
  --utrecht-heading-2-margin-block-start: 2rem;
  --utrecht-heading-2-margin-block-end: 0.75rem;
  --utrecht-heading-3-font-size: 1.1875rem;
  --utrecht-heading-3-font-weight: 700;
  --utrecht-heading-3-margin-block-end: 0.25rem;
  --utrecht-paragraph-margin-block-end: 1rem;
  --utrecht-paragraph-lead-font-size: 1.25rem;
  --utrecht-link-text-decoration: underline;
  --utrecht-link-focus-color: #000000;
  --utrecht-link-focus-background-color: #ffdd00;
  --utrecht-focus-outline-width: 3px;
  --utrecht-focus-outline-style: solid;
  --utrecht-focus-outline-offset: 2px;
  --utrecht-button-font-size: 1rem;
  --utrecht-button-font-weight: 600;
  --utrecht-button-border-radius: 0.25rem;
  --utrecht-button-padding-block-start: 0.5rem;
  --utrecht-button-padding-block-end: 0.5rem;
  --utrecht-button-padding-inline-start: 1rem;
  --utrecht-button-padding-inline-end: 1rem;
  --utrecht-button-min-block-size: 2.75rem;
  --utrecht-textbox-border-width: 2px;
  --utrecht-textbox-border-color: #595959;
  --utrecht-textbox-background-color: #ffffff;
  --utrecht-textbox-color: #1a1a1a;
  --utrecht-textbox-padding-inline-start: 0.5rem;
  --utrecht-textbox-padding-inline-end: 0.5rem;
  --utrecht-textbox-min-block-size: 2.75rem;
  --utrecht-form-label-font-weight: 600;
  --utrecht-badge-background-color: #e8e8e8;
  --utrecht-badge-color: #1a1a1a;
  --utrecht-badge-padding-inline: 0.5rem;
  --utrecht-badge-padding-block: 0.125rem;
  --utrecht-badge-border-radius: 0.25rem;
  --utrecht-badge-font-weight: 600;
}
*, *::before, *::after { box-sizing: border-box; }
body.polity { margin: 0; font-family: var(--utrecht-document-font-family); font-size: var(--utrecht-document-font-size);
  line-height: var(--utrecht-document-line-height); color: var(--utrecht-document-color); background: var(--utrecht-document-background-color); }
:focus-visible { outline: var(--utrecht-focus-outline-width) solid #000000; outline-offset: var(--utrecht-focus-outline-offset);
  box-shadow: 0 0 0 calc(var(--utrecht-focus-outline-width) + 2px) #ffdd00; }
.polity-skip-link { position: absolute; inset-inline-start: 0.5rem; inset-block-start: -10rem; padding: 0.5rem 1rem;
  background: #ffdd00; color: #000000; font-weight: 700; z-index: 10; }
.polity-skip-link:focus { inset-block-start: 0.5rem; }
.polity-visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.polity-header { background: var(--polity-brand); color: var(--polity-on-brand); }
.polity-header__inner { max-width: 60rem; margin: 0 auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem;
  align-items: center; }
.polity-header a, .polity-header span { color: var(--polity-on-brand); }
.polity-header__site { font-size: 1.25rem; font-weight: 700; text-decoration: none; margin-inline-end: auto;
  display: inline-flex; align-items: center; gap: 0.5rem; }
.polity-header__logo { block-size: 2.5rem; inline-size: auto; max-inline-size: 10rem; }
.polity-header ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.polity-header [aria-current] { font-weight: 700; text-decoration: underline; text-decoration-thickness: 3px; }
.polity-main { display: block; max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.polity-main:focus { outline: none; }
.polity-footer { border-block-start: 1px solid #b3b3b3; max-width: 60rem; margin: 0 auto; padding: 1rem; font-size: 0.9375rem; }
.utrecht-paragraph { margin-block: 0 var(--utrecht-paragraph-margin-block-end); }
.utrecht-paragraph--lead { font-size: var(--utrecht-paragraph-lead-font-size); }
.polity-list { list-style: none; margin: 0; padding: 0; }
.polity-list > li { border-block-start: 1px solid #d9d9d9; padding-block: 1rem; }
.polity-meta { color: #474747; font-size: 0.9375rem; margin: 0.25rem 0 0; }
.polity-meta > * + *::before { content: " · "; }
.polity-tags { color: #474747; font-size: 0.9375rem; margin: 0.25rem 0 0; }
.polity-facts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.polity-body { overflow-wrap: anywhere; }
.polity-filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; margin-block-end: 1.5rem; }
.polity-filters .utrecht-form-field { margin: 0; display: flex; flex-direction: column; gap: 0.25rem; }
.polity-filters input, .polity-filters select { font: inherit; min-block-size: 2.75rem; border: 2px solid #595959;
  padding: 0.25rem 0.5rem; max-inline-size: 100%; }
.polity-button { font: inherit; font-weight: 600; min-block-size: 2.75rem; padding: 0.5rem 1rem; border: 2px solid var(--polity-brand);
  background: var(--polity-brand); color: var(--polity-on-brand); border-radius: 0.25rem; cursor: pointer; }
.polity-button--secondary { background: #ffffff; color: var(--polity-brand); }
.polity-answer { border-inline-start: 0.375rem solid var(--polity-brand); padding: 0.5rem 1rem; background: #f3f3f3; margin-block: 1rem; }
.polity-comments { list-style: none; padding: 0; margin: 0; }
.polity-comments .polity-comments { padding-inline-start: 1rem; border-inline-start: 2px solid #d9d9d9; margin-block-start: 0.75rem; }
.polity-comment { padding-block: 0.75rem 0; }
.polity-notice { border: 2px solid #1a1a1a; padding: 0.75rem 1rem; margin-block: 1rem; }
.polity-link-button { font: inherit; color: var(--polity-on-brand); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.polity-account form { margin: 0; }
.polity-badge:not(:empty) { display: inline-block; border-radius: 1rem; padding: 0 0.5rem; font-weight: 700;
  background: var(--polity-on-brand); color: var(--polity-brand); }
.polity-notification--unread { border-inline-start: 0.375rem solid var(--polity-brand); padding-inline-start: 0.75rem; }
.polity-error-summary { border: 4px solid #b00020; padding: 1rem; margin-block-end: 1.5rem; }
.polity-error-summary ul { margin: 0; padding-inline-start: 1.25rem; }
.polity-error-summary a { color: #b00020; font-weight: 600; }
.polity-field { margin-block-end: 1.25rem; display: flex; flex-direction: column; gap: 0.25rem; max-inline-size: 30rem; }
.polity-field textarea { font: inherit; border: 2px solid #595959; padding: 0.5rem; max-inline-size: 40rem; }
.polity-field__hint { color: #474747; margin: 0; }
.polity-actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-block: 1rem; }
.polity-actions form { margin: 0; }
ul.polity-actions { list-style: none; padding: 0; }
.polity-main .utrecht-heading-2 { margin-block: 2rem 0.5rem; }
.polity-main select { font: inherit; min-block-size: 2.75rem; border: 2px solid #595959; padding: 0.25rem 0.5rem; max-inline-size: 100%; }
.polity-comment__actions form { display: inline-flex; gap: 1rem; }
.polity-field input { font: inherit; min-block-size: 2.75rem; border: 2px solid #595959; padding: 0.25rem 0.5rem; }
.polity-field--invalid { border-inline-start: 4px solid #b00020; padding-inline-start: 0.75rem; }
.polity-field__error { color: #b00020; font-weight: 600; margin: 0; }
fieldset.polity-field { border: 0; padding: 0; margin-inline: 0; }
.polity-choice { display: flex; gap: 0.5rem; align-items: center; min-block-size: 2.75rem; }
.polity-choice input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0; }
.polity-details { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
.polity-details dt { font-weight: 700; }
.polity-details dd { margin: 0; overflow-wrap: anywhere; }
.polity-preview { border: 2px dashed #595959; padding: 0.5rem 1rem; margin-block-start: 0.5rem; max-inline-size: 40rem; }
.polity-preview__title { font-weight: 700; margin: 0 0 0.25rem; }
.polity-quote { border-inline-start: 0.375rem solid #d9d9d9; padding-inline-start: 1rem; margin-block: 1rem; }
.polity-comment__actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-block-start: 0.25rem; }
.polity-link-button--plain { color: var(--polity-brand); }
.polity-link-button[aria-pressed="true"] { font-weight: 700; text-decoration-thickness: 3px; }
.polity-sort ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0 0 1rem; }
.polity-sort [aria-current] { font-weight: 700; }
.polity-deadline { font-weight: 700; margin: 0 0 1rem; }
.polity-chart { margin: 1rem 0 1.5rem; max-inline-size: 40rem; }
.polity-chart svg { max-inline-size: 28rem; }
.polity-chart__caption { font-weight: 700; margin-block-end: 0.5rem; }
.polity-chart__image { display: block; inline-size: 100%; block-size: auto; margin-block-end: 0.75rem; }
.polity-chart__label { font-size: 13px; fill: #1a1a1a; }
.polity-chart__value { font-size: 13px; fill: #1a1a1a; font-weight: 700; }
.polity-chart__bar { fill: var(--polity-brand); }
.polity-table-scroll { overflow-x: auto; max-inline-size: 100%; }
.polity-table { border-collapse: collapse; margin-block: 0.5rem 1rem; font-size: 0.9375rem; }
.polity-table th, .polity-table td { border-block-end: 1px solid #b3b3b3; padding: 0.375rem 0.75rem 0.375rem 0; text-align: start; vertical-align: top; }
.polity-table thead th { border-block-end: 2px solid #1a1a1a; }
.polity-table td { font-variant-numeric: tabular-nums; }
.polity-rules { border-inline-start: 0.375rem solid var(--polity-brand); padding: 0.25rem 1rem; background: #f3f3f3; margin-block: 1rem; }
.polity-rules .utrecht-heading-2 { margin-block-start: 0.5rem; }
.polity-ballot__project { display: flex; flex-direction: column; gap: 0.25rem; }
.polity-ballot__title { font-weight: 700; }
.polity-ballot__description { margin: 0; }
.polity-ballot__control { margin-block: 0.25rem 0; }
.polity-ballot__control input { max-inline-size: 8rem; }
.polity-ballot__projects { border: 0; padding: 0; margin: 0; }
.polity-ballot__total { position: sticky; inset-block-end: 0; background: #ffffff; border-block-start: 3px solid var(--polity-brand);
  padding: 0.5rem 0; margin-block-start: 1rem; }
.polity-ballot__total .utrecht-paragraph { margin: 0; }
.polity-choices li { margin-block-end: 0.25rem; }
.polity-rounds > li { margin-block-end: 0.75rem; }
.polity-player { max-inline-size: 40rem; margin-block: 0.5rem; }
.polity-player iframe, .polity-player video { display: block; inline-size: 100%; block-size: auto; aspect-ratio: 16 / 9; border: 0; background: #1a1a1a; }
.polity-agenda { padding-inline-start: 1.5rem; }
.polity-agenda__item { margin-block-end: 0.75rem; }
.polity-agenda__item--open { border-inline-start: 0.375rem solid var(--polity-brand); padding-inline-start: 0.75rem; }
.polity-agenda__now, .polity-mark { display: inline-block; border-radius: 0.25rem; padding: 0 0.5rem; font-size: 0.9375rem; font-weight: 700;
  background: #e8e8e8; color: #1a1a1a; margin-inline-end: 0.25rem; }
.polity-agenda__now, .polity-mark--official { background: var(--polity-brand); color: var(--polity-on-brand); }
.polity-mark--answered { background: #1a1a1a; color: #ffffff; }
.polity-agenda__title { margin: 0 0 0.25rem; }
.polity-links { padding-inline-start: 1.25rem; margin-block: 0.5rem; }
.polity-stages { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.5rem; }
.polity-stages__stage { border-inline-start: 0.375rem solid #d9d9d9; padding: 0.25rem 0.75rem; }
.polity-stages__stage--done { border-color: #595959; }
.polity-stages__stage--current { border-color: var(--polity-brand); background: #f3f3f3; }
.polity-stages__name { margin: 0; }
.polity-post--official { border-inline-start: 0.375rem solid var(--polity-brand); padding-inline-start: 0.75rem; }
.polity-post__marks { margin: 0; }
.polity-timeline__stage { background: #f3f3f3; padding-inline: 0.75rem; }
.polity-reply summary { cursor: pointer; color: var(--polity-brand); text-decoration: underline; min-block-size: 2.75rem; display: flex; align-items: center; }
.polity-rank { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-block-end: 0.5rem; }
.polity-scale { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
.polity-matrix input { inline-size: 1.25rem; block-size: 1.25rem; }
.polity-matrix td { text-align: center; }
.polity-result { margin-block-end: 1.5rem; }
.polity-console-nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; list-style: none; padding: 0 0 0.5rem; margin: 0 0 1.5rem;
  border-block-end: 2px solid #d9d9d9; }
.polity-console-nav a { color: var(--polity-brand); display: inline-block; min-block-size: 2.75rem; padding-block: 0.5rem; }
.polity-console-nav a[aria-current="page"] { font-weight: 700; color: #1a1a1a; text-decoration-thickness: 0.25rem; }
.polity-notice--refused { border-color: #b00020; border-width: 4px; }
.polity-disclosure { border: 2px solid #d9d9d9; padding: 0.5rem 1rem; margin-block: 1rem; }
.polity-disclosure summary { cursor: pointer; font-weight: 700; min-block-size: 2.75rem; display: flex; align-items: center; }
.polity-queue, .polity-console-list { list-style: none; padding: 0; margin: 0; }
.polity-queue__item, .polity-console-card { border: 1px solid #949494; border-radius: 0.25rem; padding: 0.75rem 1rem; margin-block-end: 1.25rem; }
.polity-queue__item h2:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
.polity-decide-fields { border: 0; padding: 0; margin: 0.5rem 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0 1.5rem; }
.polity-decide-fields > legend { font-weight: 700; margin-block-end: 0.25rem; }
.polity-decide-fields .polity-field { margin-block-end: 0.5rem; }
.polity-decide-fields textarea, .polity-decide-fields select, .polity-decide-fields input[type="date"] { inline-size: 100%; box-sizing: border-box; }
.polity-inline-fields { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
.polity-inline-fields .polity-field { margin-block-end: 0.5rem; }
.polity-console-columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 0 2rem; align-items: start; }
.polity-number { inline-size: 6rem; }
.polity-console-card--section { background: #f3f3f3; border-color: #595959; }
.polity-audit-change summary { cursor: pointer; font-family: monospace; overflow-wrap: anywhere; }
.polity-audit-change pre { white-space: pre-wrap; overflow-wrap: anywhere; max-inline-size: 40rem; font-size: 0.875rem; }
.polity-theme-preview { display: block; inline-size: 100%; max-inline-size: 32rem; border: 1px solid #949494; }
.polity-table td code, .polity-table th code { overflow-wrap: anywhere; }
.polity-table input[type="checkbox"], .polity-queue input[type="checkbox"] { inline-size: 1.5rem; block-size: 1.5rem; }
.polity-meter { display: block; inline-size: 100%; max-inline-size: 24rem; block-size: 1rem; margin-block: 0.25rem; }
@media (prefers-reduced-motion: reduce) { *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; } }
`;
