import { Injectable } from '@nestjs/common';
import { type OpenDataPublisher, OpenDataSource, type OpenDataTable } from '@polity/platform';
import { DataSource, IsNull, Not } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { resultsArePublic } from '../surveys/survey-access';
import { SurveyResults } from './survey-results';

/** The key of the one row of a survey with too few respondents to show anything. */
const WHOLE_SURVEY = '*';

/**
 * Aggregated results of every survey whose results anyone may see now, with the same small-cell
 * suppression as the API. Responses themselves are never published.
 */
@OpenDataSource('surveys')
@Injectable()
export class SurveysOpenData implements OpenDataPublisher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly results: SurveyResults,
  ) {}

  tables(): OpenDataTable[] {
    return [
      {
        name: 'survey_results',
        title: 'Survey results',
        description:
          'Per question of each survey with public results: its aggregated result as JSON. A survey with too few respondents shows none.',
        primaryKey: ['survey_id', 'question_key'],
        fields: [
          { name: 'survey_id', type: 'string', description: 'Survey id' },
          { name: 'survey_title', type: 'string', description: 'Survey title' },
          { name: 'respondents', type: 'integer', description: 'Respondents (empty when suppressed)' },
          {
            name: 'question_key',
            type: 'string',
            description: "The question's key, or * for a survey whose results are suppressed as a whole",
          },
          { name: 'result', type: 'object', description: 'Counts, shares, means, rankings or tables, as the results API gives them' },
        ],
        rows: () => this.rows(),
      },
    ];
  }

  private async *rows(): AsyncIterable<Record<string, unknown>> {
    const surveys = await this.dataSource.manager.find(SurveyEntity, {
      where: { publishedAt: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    for (const survey of surveys.filter((candidate) => resultsArePublic(candidate))) {
      const results = await this.results.forPublic(survey);
      if (results.suppressed) {
        yield {
          survey_id: survey.id,
          survey_title: survey.title,
          respondents: null,
          question_key: WHOLE_SURVEY,
          result: { suppressed: true },
        };
        continue;
      }
      for (const question of results.questions) {
        yield {
          survey_id: survey.id,
          survey_title: survey.title,
          respondents: results.respondents,
          question_key: question.key,
          result: question,
        };
      }
    }
  }
}
