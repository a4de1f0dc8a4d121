/** One `.pb` section: its header's columns and the rows under it. */
export interface PabulibTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface PabulibDocument {
  meta: [string, string | number][];
  projects: PabulibTable;
  votes: PabulibTable;
}

/** Quotes a value that holds the separator or a quote; newlines become spaces (rows are lines). */
function field(value: string | number): string {
  const text = String(value).replace(/\r?\n/g, ' ');
  return /[;"]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: (string | number)[]): string => values.map(field).join(';');

/** Writes a Pabulib `.pb` file: META, PROJECTS and VOTES, each a header row then its rows. */
export function writePabulib(document: PabulibDocument): string {
  const out = ['META', line(['key', 'value']), ...document.meta.map(([key, value]) => line([key, value]))];
  out.push('PROJECTS', line(document.projects.columns), ...document.projects.rows.map(line));
  out.push('VOTES', line(document.votes.columns), ...document.votes.rows.map(line));
  return `${out.join('\n')}\n`;
}
