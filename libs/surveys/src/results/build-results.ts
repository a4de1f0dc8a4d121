import type { ChoiceView, OptionResultView, QuestionResultView, QuestionView, ValueCountView } from '@polity/contracts';
import { OTHER } from '../responses/check-answers';

/** Beyond this many distinct numbers a number question's distribution is shown in bins. */
const MAX_EXACT_VALUES = 50;
const BINS = 20;

const share = (count: number, of: number): number => (of === 0 ? 0 : count / of);

function optionResults(options: ChoiceView[], prefix: string, counts: Map<string, number>, answered: number): OptionResultView[] {
  return options.map((option) => {
    const count = counts.get(`${prefix}=${option.key}`) ?? 0;
    return { key: option.key, label: option.label, count, share: share(count, answered) };
  });
}

/** Mean and median from value counts; the median of an even count is the mean of the middle two. */
export function summarise(values: ValueCountView[]): { mean: number | null; median: number | null } {
  const total = values.reduce((sum, v) => sum + v.count, 0);
  if (total === 0) return { mean: null, median: null };
  const sorted = [...values].sort((a, b) => a.value - b.value);
  const mean = sorted.reduce((sum, v) => sum + v.value * v.count, 0) / total;
  const at = (position: number): number => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.count;
      if (seen > position) return v.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const median = total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
  return { mean, median };
}

function valueCounts(key: string, counts: Map<string, number>): ValueCountView[] {
  const prefix = `${key}=`;
  const values: ValueCountView[] = [];
  for (const [atom, count] of counts) if (atom.startsWith(prefix)) values.push({ value: Number(atom.slice(prefix.length)), count });
  return values.sort((a, b) => a.value - b.value);
}

/** Exact counts for few distinct values; otherwise equal-width bins, each named by its lower bound. */
function binned(values: ValueCountView[]): ValueCountView[] {
  if (values.length <= MAX_EXACT_VALUES) return values;
  const low = values[0].value;
  const width = (values[values.length - 1].value - low) / BINS;
  const bins = Array.from({ length: BINS }, (_, i) => ({ value: low + i * width, count: 0 }));
  for (const v of values) bins[Math.min(BINS - 1, Math.floor((v.value - low) / width))].count += v.count;
  return bins;
}

function questionResult(question: QuestionView, counts: Map<string, number>): QuestionResultView {
  const answered = counts.get(question.key) ?? 0;
  const base = { key: question.key, type: question.type as QuestionResultView['type'], title: question.title, answered };
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        ...base,
        options: optionResults(question.options ?? [], question.key, counts, answered),
        ...(question.allowOther ? { other: counts.get(`${question.key}=${OTHER}`) ?? 0 } : {}),
      };
    case 'scale': {
      const found = new Map(valueCounts(question.key, counts).map((v) => [v.value, v.count]));
      const distribution = Array.from({ length: question.scalePoints ?? 0 }, (_, i) => ({ value: i + 1, count: found.get(i + 1) ?? 0 }));
      return { ...base, ...summarise(distribution), distribution };
    }
    case 'number': {
      const values = valueCounts(question.key, counts);
      return { ...base, ...summarise(values), distribution: binned(values) };
    }
    case 'ranking': {
      const options = question.options ?? [];
      const positions = question.rankCount ?? options.length;
      const ranking = options.map((option) => {
        let borda = 0;
        for (let rank = 1; rank <= positions; rank++)
          borda += (options.length - rank) * (counts.get(`${question.key}#${rank}=${option.key}`) ?? 0);
        return { key: option.key, label: option.label, borda, firstChoices: counts.get(`${question.key}#1=${option.key}`) ?? 0 };
      });
      return { ...base, ranking: ranking.sort((a, b) => b.borda - a.borda || b.firstChoices - a.firstChoices) };
    }
    case 'matrix':
      return {
        ...base,
        rows: (question.rows ?? []).map((row) => {
          const prefix = `${question.key}.${row.key}`;
          const rowAnswered = counts.get(prefix) ?? 0;
          return {
            key: row.key,
            label: row.label,
            answered: rowAnswered,
            columns: optionResults(question.options ?? [], prefix, counts, rowAnswered),
          };
        }),
      };
    case 'short_text':
    case 'long_text':
    case 'section':
      return base;
  }
}

/** Every question's results from the atom counts of one group of respondents (see answerAtoms). */
export function buildResults(questions: QuestionView[], counts: Map<string, number>, texts: Map<string, string[]>): QuestionResultView[] {
  return questions
    .filter((question) => question.type !== 'section')
    .map((question) => {
      const result = questionResult(question, counts);
      const shown = texts.get(question.key);
      return shown ? { ...result, texts: shown } : result;
    });
}
