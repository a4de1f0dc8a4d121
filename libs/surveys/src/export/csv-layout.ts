import { csvCell } from '@polity/platform';
import type { QuestionView } from '@polity/contracts';
import type { ChoiceAnswer, StoredAnswer, StoredAnswers } from '../responses/check-answers';

/** One CSV column: its header and how it reads its cell from a question's answer. */
interface Column {
  header: string;
  cell: (answer: StoredAnswer | undefined) => string;
}

export interface ExportedResponse {
  id: string;
  district: string | null;
  /** A Date, or the same instant as ISO 8601 UTC text (as the export reads it from PostgreSQL). */
  submittedAt: Date | string;
  updatedAt: Date | string;
  answers: StoredAnswers;
}

const text = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/** One column per question part: per option for multiple choice and ranking, per row for matrices. */
function columnsFor(question: QuestionView): Column[] {
  const key = question.key;
  const options = question.options ?? [];
  switch (question.type) {
    case 'section':
      return [];
    case 'single_choice': {
      const columns: Column[] = [{ header: key, cell: (a) => text((a as ChoiceAnswer | undefined)?.choices[0]) }];
      if (question.allowOther) columns.push({ header: `${key}_other`, cell: (a) => text((a as ChoiceAnswer | undefined)?.other) });
      return columns;
    }
    case 'multiple_choice': {
      const columns: Column[] = options.map((option) => ({
        header: `${key}_${option.key}`,
        cell: (a) => (a === undefined ? '' : (a as ChoiceAnswer).choices.includes(option.key) ? '1' : '0'),
      }));
      if (question.allowOther) columns.push({ header: `${key}_other`, cell: (a) => text((a as ChoiceAnswer | undefined)?.other) });
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
      }));
    case 'matrix':
      return (question.rows ?? []).map((row) => ({
        header: `${key}_${row.key}`,
        cell: (a) => text((a as Record<string, string> | undefined)?.[row.key]),
      }));
    case 'short_text':
    case 'long_text':
    case 'number':
    case 'scale':
      return [{ header: key, cell: (a) => text(a as string | number | undefined) }];
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

  private time(at: Date | string): string {
    const iso = typeof at === 'string' ? at : at.toISOString();
    return this.anonymous ? iso.slice(0, 10) : iso;
  }
}
