import { PabulibFormatError } from './pabulib-format-error';

export interface PabulibRow {
  line: number;
  values: Record<string, string>;
}

/** The three sections of a `.pb` file as text rows keyed by their header's column names. */
export interface PabulibSections {
  meta: Map<string, { value: string; line: number }>;
  projects: PabulibRow[];
  votes: PabulibRow[];
  projectColumns: string[];
  voteColumns: string[];
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

/** Splits one line on `;`, honouring `"…"` quoting with `""` for a quote inside. */
export function splitPabulibLine(text: string, line: number): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char !== '"') current += char;
      else if (text[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = false;
    } else if (char === ';') {
      values.push(wasQuoted ? current : current.trim());
      current = '';
      wasQuoted = false;
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      wasQuoted = true;
      current = '';
    } else current += char;
  }
  if (quoted) throw new PabulibFormatError(line, 'a quoted value is not closed');
  values.push(wasQuoted ? current : current.trim());
  return values;
}

/** Reads the section structure; the meaning of the values is checked by readPabulib. */
export function splitPabulibSections(text: string): PabulibSections {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sections: PabulibSections = { meta: new Map(), projects: [], votes: [], projectColumns: [], voteColumns: [] };
  let section: Section | null = null;
  let header: string[] | null = null;
  const seen = new Set<Section>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const name = raw.trim().toUpperCase() as Section;
    if ((SECTIONS as readonly string[]).includes(name)) {
      const expected = SECTIONS[seen.size];
      if (name !== expected) throw new PabulibFormatError(line, `expected the ${expected} section here, found ${name}`);
      seen.add(name);
      section = name;
      header = null;
      return;
    }
    if (!section) throw new PabulibFormatError(line, 'the file must start with META');
    const values = splitPabulibLine(raw, line);
    if (!header) {
      header = values.map((column) => column.toLowerCase());
      if (new Set(header).size !== header.length) throw new PabulibFormatError(line, 'a column name appears twice in the header');
      if (section === 'PROJECTS') sections.projectColumns = header;
      if (section === 'VOTES') sections.voteColumns = header;
      return;
    }
    if (values.length !== header.length) {
      throw new PabulibFormatError(line, `expected ${header.length} values (${header.join(';')}), found ${values.length}`);
    }
    if (section === 'META') {
      sections.meta.set(values[0].toLowerCase(), { value: values[1], line });
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((column, i) => (row[column] = values[i]));
    (section === 'PROJECTS' ? sections.projects : sections.votes).push({ line, values: row });
  });
  if (seen.size < SECTIONS.length) {
    throw new PabulibFormatError(lines.length, `the file ends before the ${SECTIONS[seen.size]} section`);
  }
  return sections;
}
