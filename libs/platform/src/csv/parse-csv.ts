export interface CsvOptions {
  delimiter?: string;
}

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, quotes (doubled) and newlines; CRLF or LF line
 * ends; a trailing newline adds no row. Returns rows of raw strings with their 1-based line numbers.
 */
export function parseCsv(text: string, options: CsvOptions = {}): { line: number; cells: string[] }[] {
  const delimiter = options.delimiter ?? ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;

  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

// eslint-disable-next-line no-control-regex
const FIELD_NEEDS_CARE = /[",\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Quotes a value for CSV output when it needs it. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const raw = String(value);
  // Most cells hold nothing to quote or remove: one test, no copy (exports write millions).
  if (!FIELD_NEEDS_CARE.test(raw)) return raw;
  // Control characters other than tab and line breaks have no place in a cell; line breaks are quoted.
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
