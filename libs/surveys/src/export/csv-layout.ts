import type { QuestionView } from '@polity/contracts';
import { sqlIdentifier, sqlLiteral } from '@polity/platform';

/** One CSV column: its header and the SQL that reads its cell from a response row `r`. */
interface Column {
  header: string;
  sql: string;
}

/** A question's answer, read from the row's answers once (see recordType) rather than once per cell. */
const answer = (key: string): string => `a.${sqlIdentifier(key)}`;

/** Answers the export reads as text as they are; the others are JSON the cells look into. */
const TEXT_ANSWERS = new Set<QuestionView['type']>(['number', 'scale', 'short_text', 'long_text']);

/**
 * Residents' own words, for a file people open in a spreadsheet: empty as blank, and text a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first, not a plain number)
 * prefixed with an apostrophe, so it never executes on an official's machine. (Control characters
 * never got in: PlainTextPipe refuses them.)
 * (Written out rather than through a subquery: a subquery per cell costs a plan node per row.)
 */
function residentText(sql: string): string {
  const text = `NULLIF(${sql}, '')`;
  const formula = `left(${text}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') AND ${text} !~ '^-?\\d+(\\.\\d+)?$'`;
  return `CASE WHEN ${formula} THEN '''' || ${text} ELSE ${text} END`;
}

/** One column per question part: per option for multiple choice and ranking, per row for matrices. */
function columnsFor(question: QuestionView): Column[] {
  const key = question.key;
  const options = question.options ?? [];
  const other = { header: `${key}_other`, sql: residentText(`${answer(key)} ->> 'other'`) };
  switch (question.type) {
    case 'section':
      return [];
    case 'single_choice':
      return [{ header: key, sql: `${answer(key)} -> 'choices' ->> 0` }, ...(question.allowOther ? [other] : [])];
    case 'multiple_choice':
      return [
        ...options.map((option) => ({
          header: `${key}_${option.key}`,
          sql: `CASE WHEN ${answer(key)} -> 'choices' ? ${sqlLiteral(option.key)} THEN '1' WHEN ${answer(key)} IS NOT NULL THEN '0' END`,
        })),
        ...(question.allowOther ? [other] : []),
      ];
    case 'ranking': {
      // The rank each option was given, blank when unranked: compared with each ranked place in turn
      // (indexing a jsonb array is direct; this costs PostgreSQL a fifth of parsing the array per cell).
      const places = Array.from({ length: question.rankCount ?? options.length }, (_, place) => place);
      return options.map((option) => ({
        header: `${key}_${option.key}`,
        sql: `CASE ${sqlLiteral(option.key)} ${places.map((place) => `WHEN ${answer(key)} ->> ${place} THEN '${place + 1}'`).join(' ')} END`,
      }));
    }
    case 'matrix':
      return (question.rows ?? []).map((row) => ({ header: `${key}_${row.key}`, sql: `${answer(key)} ->> ${sqlLiteral(row.key)}` }));
    case 'number':
    case 'scale':
      return [{ header: key, sql: answer(key) }];
    case 'short_text':
    case 'long_text':
      return [{ header: key, sql: residentText(answer(key)) }];
  }
}

/**
 * A survey's responses as CSV (RFC 4180), one row per response and one column per question part,
 * written by PostgreSQL itself: `COPY` of one SELECT that reads every cell from the stored answers.
 */
export class CsvLayout {
  private readonly columns: Column[];
  /** The record each row's answers are read into, one field per question. */
  private readonly recordType: string;

  /** @param anonymous responses are dated by day only, since a time of day could single one out. */
  constructor(
    questions: QuestionView[],
    private readonly anonymous = false,
  ) {
    const at = (column: string) =>
      `to_char(r.${column} AT TIME ZONE 'UTC', '${anonymous ? 'YYYY-MM-DD' : 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'}')`;
    this.columns = [
      { header: 'response_id', sql: 'r.id' },
      { header: 'submitted_at', sql: at('submitted_at') },
      { header: 'updated_at', sql: at('updated_at') },
      { header: 'district', sql: residentText('r.district') },
      ...questions.flatMap(columnsFor),
    ];
    this.recordType = questions
      .filter((question) => question.type !== 'section')
      .map((question) => `${sqlIdentifier(question.key)} ${TEXT_ANSWERS.has(question.type) ? 'text' : 'jsonb'}`)
      .join(', ');
  }

  get headers(): string[] {
    return this.columns.map((column) => column.header);
  }

  /**
   * The statement writing the header and every response of the survey (a uuid), in a stable order:
   * anonymous responses got random ids when released, so ordered by id the file says nothing of who
   * answered when. PostgreSQL ends lines with LF; see crlfLines.
   */
  copyStatement(surveyId: string): string {
    if (!/^[0-9a-f-]{36}$/i.test(surveyId)) throw new Error(`not a survey id: ${surveyId}`);
    const cells = this.columns.map((column) => `${column.sql} AS ${sqlIdentifier(column.header)}`).join(', ');
    const answers = this.recordType ? `, jsonb_to_record(r.answers) AS a(${this.recordType})` : '';
    const order = this.anonymous ? 'r.id' : 'r.submitted_at, r.id';
    return `COPY (SELECT ${cells} FROM survey_response r${answers} WHERE r.survey_id = '${surveyId}' ORDER BY ${order}) TO STDOUT (FORMAT csv, HEADER)`;
  }
}
