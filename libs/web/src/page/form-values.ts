/** A path on this site to go on to after a form or a switch; anything else (another host, `//evil`) goes home. */
export const localPath = (value: unknown): string => (typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value.slice(0, 500) : '/');

/** A form or query field as a page reads it: one string of at most `max` characters, '' when absent or not text. */
export const formText = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
