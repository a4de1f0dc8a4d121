import { Injectable } from '@nestjs/common';
import type { SurveyResultsView } from '@polity/contracts';
import { type Principal, Problems, SurveyConfig } from '@polity/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { assertVisible, managesSurveys, resultsArePublic } from '../surveys/survey-access';
import { FILTERABLE_TYPES, filterAtom } from './answer-atoms';
import { buildResults } from './build-results';
import type { ResultsQueryDto } from './results.dto';

const TEXTS_SHOWN = 20;

interface Group {
  where: string;
  params: unknown[];
}

/**
 * Results are counted in PostgreSQL from each response's atoms (see answerAtoms): one grouped
 * count for every question at once, filtered by district or by another answer. A group smaller
 * than the minimum size shows no breakdown at all, not even its exact size.
 */
@Injectable()
export class SurveyResults {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SurveyConfig,
  ) {}

  async forReader(surveyId: string, principal: Principal | undefined, filter: ResultsQueryDto): Promise<SurveyResultsView> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id: surveyId });
    assertVisible(survey, principal);
    if (managesSurveys(principal)) return this.compute(survey, filter);
    if (!resultsArePublic(survey)) {
      const when = survey.resultsVisibility === 'internal' ? 'are for the council only' : 'are published when the survey closes';
      throw Problems.forbidden('results_hidden', `This survey's results ${when}.`);
    }
    return this.forPublic(survey, filter);
  }

  /**
   * Results as the public sees them. For an anonymous survey each view (whole or filtered) moves
   * only in steps of at least the minimum group size: the last results shown stay until the view
   * has gained that many responses, so comparing two readings never isolates one response.
   */
  async forPublic(survey: SurveyEntity, filter: ResultsQueryDto = {}): Promise<SurveyResultsView> {
    if (!survey.anonymous) return this.compute(survey, filter);
    const group = this.group(survey, filter);
    const viewKey = JSON.stringify([filter.district ?? null, filter.question ?? null, filter.answer ?? null]);
    const minGroupSize = this.config.minGroupSize;
    const manager = this.dataSource.manager;
    const [[{ respondents }], [shown]] = await Promise.all([
      manager.query<{ respondents: number }[]>(
        `SELECT count(*)::int AS respondents FROM survey_response r WHERE ${group.where}`,
        group.params,
      ),
      manager.query<{ respondents: number; results: SurveyResultsView }[]>(
        'SELECT respondents, results FROM survey_result_view WHERE survey_id = $1 AND view_key = $2',
        [survey.id, viewKey],
      ),
    ]);
    if (shown ? respondents < shown.respondents + minGroupSize : respondents < minGroupSize) {
      return shown?.results ?? this.suppressed(survey, filter);
    }
    const fresh = await this.compute(survey, filter);
    const [stored] = await manager.query<{ results: SurveyResultsView }[]>(
      `INSERT INTO survey_result_view AS v (survey_id, view_key, respondents, results) VALUES ($1, $2, $3, $4)
       ON CONFLICT (survey_id, view_key) DO UPDATE SET respondents = EXCLUDED.respondents, results = EXCLUDED.results
         WHERE v.respondents + $5 <= EXCLUDED.respondents
       RETURNING results`,
      [survey.id, viewKey, fresh.respondents ?? 0, fresh, minGroupSize],
    );
    if (stored) return fresh;
    // Another reader stored these results a moment ago; everyone sees the same.
    const [current] = await manager.query<{ results: SurveyResultsView }[]>(
      'SELECT results FROM survey_result_view WHERE survey_id = $1 AND view_key = $2',
      [survey.id, viewKey],
    );
    return current.results;
  }

  async compute(
    survey: SurveyEntity,
    filter: ResultsQueryDto = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SurveyResultsView> {
    const group = this.group(survey, filter);
    const minGroupSize = this.config.minGroupSize;
    const [{ respondents }] = await manager.query<{ respondents: number }[]>(
      `SELECT count(*)::int AS respondents FROM survey_response r WHERE ${group.where}`,
      group.params,
    );
    const view = {
      surveyId: survey.id,
      filter: { district: filter.district ?? null, question: filter.question ?? null, answer: filter.answer ?? null },
      minGroupSize,
      computedAt: new Date().toISOString(),
    };
    if (respondents < minGroupSize) return this.suppressed(survey, filter);
    const rows = await manager.query<{ atom: string; count: number }[]>(
      `SELECT atom, count(*)::int AS count FROM survey_response r, unnest(r.atoms) AS atom WHERE ${group.where} GROUP BY atom`,
      group.params,
    );
    const counts = new Map(rows.map((row) => [row.atom, row.count]));
    const texts = survey.showTextAnswers ? await this.visibleTexts(manager, group) : new Map<string, string[]>();
    return { ...view, respondents, suppressed: false, questions: buildResults(survey.questions, counts, texts) };
  }

  private suppressed(survey: SurveyEntity, filter: ResultsQueryDto): SurveyResultsView {
    return {
      surveyId: survey.id,
      filter: { district: filter.district ?? null, question: filter.question ?? null, answer: filter.answer ?? null },
      minGroupSize: this.config.minGroupSize,
      computedAt: new Date().toISOString(),
      respondents: null,
      suppressed: true,
      questions: [],
    };
  }

  private group(survey: SurveyEntity, filter: ResultsQueryDto): Group {
    const params: unknown[] = [survey.id];
    let where = 'r.survey_id = $1';
    if (filter.district) {
      params.push(filter.district);
      where += ` AND r.district = $${params.length}`;
    }
    if (filter.question !== undefined || filter.answer !== undefined) {
      const question = survey.questions.find((q) => q.key === filter.question);
      if (!question || !FILTERABLE_TYPES.includes(question.type)) {
        throw Problems.unprocessable('filter_invalid', 'Filter by a choice, scale or number question of this survey.', [
          { field: 'question', rule: 'filter', message: 'not a choice, scale or number question of this survey' },
        ]);
      }
      const atom = filter.answer === undefined ? null : filterAtom(question, filter.answer);
      if (atom === null) {
        throw Problems.unprocessable('filter_invalid', `Give one of the answers to “${question.key}”.`, [
          { field: 'answer', rule: 'filter', message: `not an answer to “${question.key}”` },
        ]);
      }
      params.push([atom]);
      where += ` AND r.atoms @> $${params.length}::text[]`;
    }
    return { where, params };
  }

  /** The newest visible free text per question, from the same group of respondents. */
  private async visibleTexts(manager: EntityManager, group: Group): Promise<Map<string, string[]>> {
    const rows = await manager.query<{ question_key: string; body: string }[]>(
      `SELECT question_key, body FROM (
         SELECT t.question_key, t.body, row_number() OVER (PARTITION BY t.question_key ORDER BY t.updated_at DESC, t.id) AS n
         FROM survey_text_answer t JOIN survey_response r ON r.id = t.response_id
         WHERE ${group.where} AND t.moderation_state = 'visible'
       ) shown WHERE n <= ${TEXTS_SHOWN} ORDER BY question_key, n`,
      group.params,
    );
    const texts = new Map<string, string[]>();
    for (const row of rows) texts.set(row.question_key, [...(texts.get(row.question_key) ?? []), row.body]);
    return texts;
  }
}
