import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsersService } from '@polity/identity';
import { type Principal, Problems, type Transaction, UnitOfWork } from '@polity/platform';
import { DataSource, IsNull } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { SurveyParticipationEntity } from '../entities/survey-participation.entity';
import { SurveyResponseEntity } from '../entities/survey-response.entity';
import { answerAtoms } from '../results/answer-atoms';
import { assertMayRespond, assertVisible, surveyPhase } from '../surveys/survey-access';
import { SurveyLock } from '../surveys/survey-lock';
import { checkAnswers } from './check-answers';
import type { SubmitResponseDto, SurveyResponseDto } from './responses.dto';
import { TextAnswers } from './text-answers';

const hashReceipt = (receipt: string): string => createHash('sha256').update(receipt).digest('hex');

/** A respondent's one response per survey: sent, changed while allowed, and read back. */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly textAnswers: TextAnswers,
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
      const fields = {
        answers: checked.answers,
        atoms: answerAtoms(survey.questions, checked.answers),
        district: respondent.residentDistrict,
      };
      let response: SurveyResponseEntity;
      let receipt: string | undefined;
      if (firstTime) {
        receipt = survey.anonymous && survey.responseMode === 'editable' ? randomBytes(32).toString('base64url') : undefined;
        response = await tx.manager.save(
          Object.assign(new SurveyResponseEntity(), {
            surveyId,
            respondentId: survey.anonymous ? null : principal.userId,
            receiptHash: receipt ? hashReceipt(receipt) : null,
            ...fields,
          }),
        );
        await tx.manager.update(
          SurveyEntity,
          { id: surveyId, lockedAt: IsNull() },
          { lockedAt: () => 'now()', updatedAt: () => 'updated_at' },
        );
      } else {
        response = await this.ownForChange(tx, survey, principal, input.receipt);
        Object.assign(response, fields);
        response = await tx.manager.save(response);
      }
      if (survey.showTextAnswers) await this.textAnswers.sync(tx, survey, response, principal.userId);
      tx.publish('survey.responses_changed', { surveyId });
      return { ...present(survey, response), ...(receipt ? { receipt } : {}) };
    });
  }

  /** My response; in an anonymous survey only with the receipt, since nothing else leads to it. */
  async mine(principal: Principal, surveyId: string, receipt: string | undefined): Promise<SurveyResponseDto> {
    const manager = this.dataSource.manager;
    const survey = await manager.findOneBy(SurveyEntity, { id: surveyId });
    assertVisible(survey, principal);
    const responded = await manager.existsBy(SurveyParticipationEntity, { surveyId, userId: principal.userId });
    const response = !responded
      ? null
      : survey.anonymous
        ? receipt
          ? await manager.findOneBy(SurveyResponseEntity, { surveyId, receiptHash: hashReceipt(receipt) })
          : null
        : await manager.findOneBy(SurveyResponseEntity, { surveyId, respondentId: principal.userId });
    if (response) return present(survey, response);
    return {
      surveyId,
      responded,
      answers: null,
      submittedAt: null,
      updatedAt: null,
      editable: !responded && surveyPhase(survey) === 'open',
    };
  }

  private async ownForChange(
    tx: Transaction,
    survey: SurveyEntity,
    principal: Principal,
    receipt: string | undefined,
  ): Promise<SurveyResponseEntity> {
    if (survey.responseMode === 'final')
      throw Problems.conflict('response_final', 'You have answered this survey; its responses are final.');
    if (!survey.anonymous) {
      return tx.manager.findOneOrFail(SurveyResponseEntity, {
        where: { surveyId: survey.id, respondentId: principal.userId },
        lock: { mode: 'pessimistic_write' },
      });
    }
    if (!receipt)
      throw Problems.conflict('receipt_required', 'You have answered this anonymous survey; send the receipt you were given to change it.');
    const response = await tx.manager.findOne(SurveyResponseEntity, {
      where: { surveyId: survey.id, receiptHash: hashReceipt(receipt) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!response) throw Problems.forbidden('receipt_invalid', 'That receipt does not belong to a response to this survey.');
    return response;
  }
}

function present(survey: SurveyEntity, response: SurveyResponseEntity): SurveyResponseDto {
  return {
    surveyId: survey.id,
    responded: true,
    answers: response.answers,
    submittedAt: response.submittedAt.toISOString(),
    updatedAt: response.updatedAt.toISOString(),
    editable: survey.responseMode === 'editable' && surveyPhase(survey) === 'open',
  };
}
