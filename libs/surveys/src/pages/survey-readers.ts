import { Injectable } from '@nestjs/common';
import type { SurveyView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import type { Principal } from '@polity/platform';
import { ResponsesService } from '../responses/responses.service';
import { SurveysService } from '../surveys/surveys.service';
import type { RespondentStanding } from './survey.page';

/** Surveys as the residents' site shows them (never a draft), and where the reader stands in one. */
@Injectable()
export class SurveyReaders {
  constructor(
    private readonly surveys: SurveysService,
    private readonly responses: ResponsesService,
    private readonly users: UsersService,
  ) {}

  async readable(id: string, principal: Principal | undefined): Promise<SurveyView | null> {
    const survey = await this.surveys.get(id, principal).catch(() => null);
    return survey && survey.phase !== 'draft' ? survey : null;
  }

  async standing(principal: Principal | undefined, survey: SurveyView): Promise<RespondentStanding> {
    const eligible = await this.eligibility(principal, survey);
    if (eligible !== 'may_answer') return { state: eligible };
    if (!principal) return { state: 'signed_out' };
    const mine = await this.responses.mine(principal, survey.id, undefined);
    return { state: 'may_answer', responded: mine.responded, editable: survey.responseMode === 'editable' && survey.phase === 'open' };
  }

  /** Whether the survey's audience takes the reader, without reading their response (each answering step asks). */
  async eligibility(principal: Principal | undefined, survey: SurveyView): Promise<RespondentStanding['state']> {
    const user = principal ? await this.users.get(principal.userId).catch(() => null) : null;
    if (!user) return 'signed_out';
    const verifiedOnly = survey.audience === 'verified' || survey.audience === 'district';
    if (verifiedOnly && user.verifiedAt === null) return 'verify';
    if (survey.audience === 'district' && user.residentDistrict !== survey.district) return 'not_for_you';
    return 'may_answer';
  }
}

/** Whether the survey shows its results to the public now: live while open, or once closed. */
export const resultsPublic = (survey: SurveyView): boolean =>
  (survey.resultsVisibility === 'live' && (survey.phase === 'open' || survey.phase === 'closed')) ||
  (survey.resultsVisibility === 'after_close' && survey.phase === 'closed');
