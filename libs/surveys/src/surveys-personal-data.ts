import { Injectable } from '@nestjs/common';
import { PersonalData, type PersonalDataSource, type Transaction } from '@polity/platform';
import { DataSource } from 'typeorm';

/**
 * A person's named responses and the surveys they took part in are theirs to see. Anonymous
 * responses cannot be found from the person, so only the participation shows. Erasure keeps
 * responses counted but unlinked, and removes their free text shown with results.
 */
@PersonalData('surveys')
@Injectable()
export class SurveysPersonalData implements PersonalDataSource {
  constructor(private readonly dataSource: DataSource) {}

  async exportFor(userId: string): Promise<unknown> {
    const [participations, responses] = await Promise.all([
      this.dataSource.query<unknown[]>('SELECT survey_id AS "surveyId" FROM survey_participation WHERE user_id = $1', [userId]),
      this.dataSource.query<unknown[]>(
        `SELECT survey_id AS "surveyId", answers, submitted_at AS "submittedAt", updated_at AS "updatedAt"
         FROM survey_response WHERE respondent_id = $1 ORDER BY submitted_at`,
        [userId],
      ),
    ]);
    return { participations, responses };
  }

  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    await tx.manager.query('DELETE FROM survey_text_answer WHERE author_id = $1', [userId]);
    await tx.manager.query('UPDATE survey_response SET respondent_id = NULL WHERE respondent_id = $1', [userId]);
  }
}
