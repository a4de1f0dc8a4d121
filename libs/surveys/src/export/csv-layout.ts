import { csvCell } from '@polity/platform';
import type { QuestionView } from '@polity/contracts';
import type { ChoiceAnswer, StoredAnswer, StoredAnswers } from '../responses/check-answers';

/**
 * One CSV column: its header and how it reads its cell from a question's answer, in TypeScript and
 * as a PostgreSQL text expression over the answer's jsonb (`a`; `key` binds a key as a parameter).
 * Free text (`free`) goes through the spreadsheet-safe quoting; other cells are keys and numbers.
 */
interface Column {
  header: string;
  cell: (answer: StoredAnswer | undefined) => string;
  sql: (a: string, key: (value: string) => string) => string;
  free?: true;
}

export interface ExportedResponse {
  id: string;
  district: string | null;
  submittedAt: Date;
  updatedAt: Date;
  answers: StoredAnswers;
}

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

const otherColumn = (key: string): Column => ({
  header: `${key}_other`,
  cell: (a) => text((a as ChoiceAnswer | undefined)?.other),
  sql: (a) => `${a}->>'other'`,
  free: true,
});

/**
 * csvCell in SQL, for a text expression that may be NULL: most values hold nothing to guard
 * against and pass after one pattern test; the rest get the formula prefix, lose control
 * characters and are quoted when they hold a quote, a comma or a line break.
 */
function csvCellSql(expression: string): string {
  const value = `(${expression})`;
  const prefixed = `CASE WHEN ${value} ~ '^[=+\\-@\\t\\r]' AND ${value} !~ '^-?[0-9]+(\\.[0-9]+)?$' THEN '''' || ${value} ELSE ${value} END`;
  const clean = `regexp_replace(${prefixed}, '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]', '', 'g')`;
  return `coalesce(CASE WHEN ${value} !~ '[",\\r\\n=+@\\x01-\\x1f\\x7f-]' THEN ${value}
    WHEN ${clean} ~ '[",\\r\\n]' THEN '"' || replace(${clean}, '"', '""') || '"' ELSE ${clean} END, '')`;
}

/** One column per question part: per option for multiple choice and ranking, per row for matrices. */
function columnsFor(question: QuestionView): Column[] {
  const key = question.key;
  const options = question.options ?? [];
  switch (question.type) {
    case 'section':
      return [];
    case 'single_choice': {
      const columns: Column[] = [
        { header: key, cell: (a) => text((a as ChoiceAnswer | undefined)?.choices[0]), sql: (a) => `${a}->'choices'->>0` },
      ];
      if (question.allowOther) columns.push(otherColumn(key));
      return columns;
    }
    case 'multiple_choice': {
      const columns: Column[] = options.map((option) => ({
        header: `${key}_${option.key}`,
        cell: (a) => (a === undefined ? '' : (a as ChoiceAnswer).choices.includes(option.key) ? '1' : '0'),
        sql: (a, k) => `CASE WHEN ${a} IS NULL THEN NULL WHEN ${a}->'choices' ? ${k(option.key)} THEN '1' ELSE '0' END`,
      }));
      if (question.allowOther) columns.push(otherColumn(key));
      return columns;
    }
    case 'ranking':
      // The rank each option was given; empty when unranked.
      return options.map((option) => ({
        header: `${key}_${option.key}`,
        cell: (a) => {
          const rank = a === undefined ? -1 : (a as string[]).indexOf(option.key);
          return rank === -1 ? '' : String(rank + 1);
        },
        sql: (a, k) => `array_position(ARRAY(SELECT jsonb_array_elements_text(${a})), ${k(option.key)})::text`,
      }));
    case 'matrix':
      return (question.rows ?? []).map((row) => ({
        header: `${key}_${row.key}`,
        cell: (a) => text((a as Record<string, string> | undefined)?.[row.key]),
        sql: (a, k) => `${a}->>${k(row.key)}`,
      }));
    case 'short_text':
    case 'long_text':
      return [{ header: key, cell: (a) => text(a as string | undefined), sql: (a) => `${a} #>> '{}'`, free: true }];
    case 'number':
    case 'scale':
      return [{ header: key, cell: (a) => text(a as number | undefined), sql: (a) => `${a} #>> '{}'` }];
  }
}

export class CsvLayout {
  private readonly columns: { key: string; column: Column }[];

  /** @param anonymous responses are dated by day only, since a time of day could single one out. */
  constructor(
    questions: QuestionView[],
    private readonly anonymous = false,
  ) {
    this.columns = questions.flatMap((question) => columnsFor(question).map((column) => ({ key: question.key, column })));
  }

  get headers(): string[] {
    return ['response_id', 'submitted_at', 'updated_at', 'district', ...this.columns.map((c) => c.column.header)];
  }

  headerLine(): string {
    return `${this.headers.map(csvCell).join(',')}\r\n`;
  }

  line(response: ExportedResponse): string {
    const cells = [
      response.id,
      this.time(response.submittedAt),
      this.time(response.updatedAt),
      response.district ?? '',
      ...this.columns.map(({ key, column }) => column.cell(response.answers[key])),
    ];
    return `${cells.map(csvCell).join(',')}\r\n`;
  }

  /**
   * The same line as `line`, built by PostgreSQL from a survey_response row `r`: the export then
   * reads one text per response instead of parsing its answers and writing each cell in Node.
   * Returns the expression and its parameters, numbered from `firstParameter`.
   */
  lineSql(firstParameter: number): { sql: string; parameters: string[] } {
    const parameters: string[] = [];
    const key = (value: string): string => {
      parameters.push(value);
      return `$${firstParameter + parameters.length - 1}::text`;
    };
    const time = (column: string): string =>
      this.anonymous
        ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
        : `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const cells = [
      'r.id::text',
      time('r.submitted_at'),
      time('r.updated_at'),
      csvCellSql('r.district'),
      ...this.columns.map(({ key: questionKey, column }) => {
        const value = column.sql(`(r.answers->${key(questionKey)})`, key);
        return column.free ? csvCellSql(value) : `coalesce(${value}, '')`;
      }),
    ];
    return { sql: `${cells.join(` || ',' || `)} || E'\\r\\n'`, parameters };
  }

  private time(at: Date): string {
    return this.anonymous ? at.toISOString().slice(0, 10) : at.toISOString();
  }
}
