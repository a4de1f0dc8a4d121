/** Who may see and answer a survey. `everyone` still needs an account to answer (one response each). */
export const SURVEY_AUDIENCES = ['everyone', 'signed_in', 'verified', 'district'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export const RESULTS_VISIBILITIES = ['live', 'after_close', 'internal'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number];

/** `editable` until the survey closes, or `final` once sent. */
export const RESPONSE_MODES = ['editable', 'final'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/** `section` is a heading, not a question: its condition shows or hides every question up to the next section. */
export const QUESTION_TYPES = [
  'section',
  'single_choice',
  'multiple_choice',
  'short_text',
  'long_text',
  'number',
  'scale',
  'ranking',
  'matrix',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CONDITION_OPERATORS = ['equals', 'includes', 'in_range'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** `draft` until published; then by the clock: `upcoming`, `open`, `closed`. */
export type SurveyPhase = 'draft' | 'upcoming' | 'open' | 'closed';

export interface ChoiceView {
  key: string;
  label: string;
}

export interface DisplayConditionView {
  /** The key of an earlier question. */
  question: string;
  operator: ConditionOperator;
  /** For `equals` (an option key, a number, a text) and `includes` (an option key). */
  value?: string | number;
  /** For `in_range`, inclusive. */
  min?: number;
  max?: number;
}

export interface QuestionView {
  key: string;
  type: QuestionType;
  title: string;
  description: string | null;
  required: boolean;
  condition: DisplayConditionView | null;
  options?: ChoiceView[];
  allowOther?: boolean;
  minChoices?: number | null;
  maxChoices?: number | null;
  minLength?: number | null;
  maxLength?: number | null;
  min?: number | null;
  max?: number | null;
  integer?: boolean;
  scalePoints?: number;
  lowLabel?: string | null;
  highLabel?: string | null;
  /** Ranking: how many to rank (top-k); null ranks all. */
  rankCount?: number | null;
  rows?: ChoiceView[];
}

export interface SurveyView {
  id: string;
  title: string;
  description: string;
  phase: SurveyPhase;
  opensAt: string;
  closesAt: string;
  audience: SurveyAudience;
  district: string | null;
  responseMode: ResponseMode;
  anonymous: boolean;
  resultsVisibility: ResultsVisibility;
  /** Visible free-text answers are shown with the results (never in anonymous surveys). */
  showTextAnswers: boolean;
  version: number;
  previousVersionId: string | null;
  /** Questions can no longer change once the first response arrived; a new version can. */
  locked: boolean;
  questions: QuestionView[];
  createdAt: string;
  updatedAt: string;
}

export interface OptionResultView {
  key: string;
  label: string;
  count: number;
  /** Of the people who answered the question, 0..1. */
  share: number;
}

export interface ValueCountView {
  value: number;
  count: number;
}

export interface QuestionResultView {
  key: string;
  type: Exclude<QuestionType, 'section'>;
  title: string;
  /** People in the group who answered this question. */
  answered: number;
  options?: OptionResultView[];
  /** Choice questions with "other, please say": how many chose it. */
  other?: number;
  mean?: number | null;
  median?: number | null;
  distribution?: ValueCountView[];
  /** Ranking: Borda points (k-1 for first of k options ... 0 for unranked) and first-choice counts. */
  ranking?: { key: string; label: string; borda: number; firstChoices: number }[];
  rows?: { key: string; label: string; answered: number; columns: OptionResultView[] }[];
  /** Free text shown once moderation lets it be (newest first, at most 20; no author). */
  texts?: string[];
}

export interface SurveyResultsView {
  surveyId: string;
  filter: { district: string | null; question: string | null; answer: string | null };
  /** Respondents in the group; null when suppressed. */
  respondents: number | null;
  /** Fewer than the minimum group size: no breakdown is shown. */
  suppressed: boolean;
  minGroupSize: number;
  questions: QuestionResultView[];
  computedAt: string;
}

export type SurveyExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface SurveyExportView {
  id: string;
  surveyId: string;
  status: SurveyExportStatus;
  rows: number;
  total: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** Where to download it once done. */
  downloadUrl: string | null;
}
