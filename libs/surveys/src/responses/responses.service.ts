import { Injectable } from '@nestjs/common';
import { UsersService } from '@polity/identity';
import { type Principal, Problems, type Transaction, UnitOfWork } from '@polity/platform';
import { DataSource, IsNull } from 'typeorm';
import { AnonymousResponses, type ResponseFields, type ResponseRecord } from '../anonymity/anonymous-responses';
import { SurveyEntity } from '../entities/survey.entity';
import { SurveyParticipationEntity } from '../entities/survey-participation.entity';
import { SurveyResponseEntity } from '../entities/survey-response.entity';
import { answerAtoms } from '../results/answer-atoms';
import { assertMayRespond, assertVisible, surveyPhase } from '../surveys/survey-access';
import { SurveyLock } from '../surveys/survey-lock';
import { checkAnswers } from './check-answers';
import type { SubmitResponseDto, SurveyResponseDto } from './responses.dto';
import { TextAnswers } from './text-answers';

/**
 * A respondent's one response per survey: sent, changed while allowed, and read back. Named
 * responses are stored at once; anonymous ones go through AnonymousResponses.
 */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly textAnswers: TextAnswers,
    private readonly anonymous: AnonymousResponses,
  ) {}

  async submit(principal: Principal, surveyId: string, input: SubmitResponseDto): Promise<SurveyResponseDto> {
    const respondent = await this.users.get(principal.userId);
    return this.unitOfWork.run(async (tx) => {
      await SurveyLock.shared(tx, surveyId);
      const survey = await tx.manager.findOneBy(SurveyEntity, { id: surveyId });
      assertVisible(survey, principal);
      const phase = surveyPhase(survey);
      if (phase !== 'open') throw Problems.conflict('survey_not_open', `Responses are taken while the survey is open; it is ${phase}.`);
      assertMayRespond(survey, respondent);
      const checked = checkAnswers(survey.questions, input.answers);
      if (!checked.ok) throw Problems.unprocessable('response_invalid', checked.problems[0].message, checked.problems);

      const inserted = await tx.manager.query<unknown[]>(
        'INSERT INTO survey_participation (survey_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id',
        [surveyId, principal.userId],
      );
      const firstTime = inserted.length === 1;
      const fields: ResponseFields = {
        answers: checked.answers,
        atoms: answerAtoms(survey.questions, checked.answers),
        district: respondent.residentDistrict,
      };
      if (!firstTime && survey.responseMode === 'final')
        throw Problems.conflict('response_final', 'You have answered this survey; its responses are final.');
      let record: ResponseRecord;
      let receipt: string | undefined;
      if (survey.anonymous) {
        ({ record, receipt } = firstTime
          ? await this.anonymous.hold(tx, survey, fields)
          : { record: await this.anonymous.change(tx, survey, input.receipt, fields), receipt: undefined });
      } else {
        const response = firstTime
          ? await tx.manager.save(
              Object.assign(new SurveyResponseEntity(), { surveyId, respondentId: principal.userId, receiptHash: null, ...fields }),
            )
          : await this.namedForChange(tx, survey, principal, fields);
        if (survey.showTextAnswers) await this.textAnswers.sync(tx, survey, response, principal.userId);
        record = response;
      }
      if (firstTime) {
        await tx.manager.update(
          SurveyEntity,
          { id: surveyId, lockedAt: IsNull() },
          { lockedAt: () => 'now()', updatedAt: () => 'updated_at' },
        );
      }
      tx.publish('survey.responses_changed', { surveyId });
      return { ...present(survey, record), ...(receipt ? { receipt } : {}) };
    });
  }

  /** My response; in an anonymous survey only with the receipt, since nothing else leads to it. */
  async mine(principal: Principal, surveyId: string, receipt: string | undefined): Promise<SurveyResponseDto> {
    const manager = this.dataSource.manager;
    const survey = await manager.findOneBy(SurveyEntity, { id: surveyId });
    assertVisible(survey, principal);
    const responded = await manager.existsBy(SurveyParticipationEntity, { surveyId, userId: principal.userId });
    const record = !responded
      ? null
      : survey.anonymous
        ? receipt
          ? await this.anonymous.read(manager, surveyId, receipt)
          : null
        : await manager.findOneBy(SurveyResponseEntity, { surveyId, respondentId: principal.userId });
    if (record) return present(survey, record);
    return {
      surveyId,
      responded,
      answers: null,
      submittedAt: null,
      updatedAt: null,
      editable: !responded && surveyPhase(survey) === 'open',
    };
  }

  private async namedForChange(
    tx: Transaction,
    survey: SurveyEntity,
    principal: Principal,
    fields: ResponseFields,
  ): Promise<SurveyResponseEntity> {
    const response = await tx.manager.findOneOrFail(SurveyResponseEntity, {
      where: { surveyId: survey.id, respondentId: principal.userId },
      lock: { mode: 'pessimistic_write' },
    });
    Object.assign(response, fields);
    return tx.manager.save(response);
  }
}

function present(survey: SurveyEntity, record: ResponseRecord): SurveyResponseDto {
  return {
    surveyId: survey.id,
    responded: true,
    answers: record.answers,
    submittedAt: record.submittedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    editable: survey.responseMode === 'editable' && surveyPhase(survey) === 'open',
  };
}
