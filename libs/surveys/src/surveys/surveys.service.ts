import { Injectable } from '@nestjs/common';
import type { SurveyView } from '@polity/contracts';
import { DistrictsService } from '@polity/districts';
import {
  decodeCursor,
  type FieldProblem,
  type Page,
  type PageQueryDto,
  type Principal,
  Problems,
  recordAudit,
  toPage,
  type Transaction,
  UnitOfWork,
} from '@polity/platform';
import { DataSource } from 'typeorm';
import { SurveyEntity } from '../entities/survey.entity';
import { checkQuestion, checkQuestionList } from '../questions/question-definition';
import { assertVisible, managesSurveys, surveyPhase } from './survey-access';
import { surveyForChange } from './survey-lock';
import { presentSurvey } from './survey-presenter';
import type { CreateSurveyDto, UpdateSurveyDto } from './surveys.dto';

const DEFAULT_OPEN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Settings respondents relied on when they answered; fixed once the first response arrives. */
const PROMISED_SETTINGS = ['audience', 'district', 'responseMode', 'anonymous'] as const;

/** Officials' side of a survey's life: create, change settings, publish, close, start a new version. */
@Injectable()
export class SurveysService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly districts: DistrictsService,
  ) {}

  async create(principal: Principal, input: CreateSurveyDto): Promise<SurveyView> {
    const opensAt = input.opensAt ?? new Date();
    const survey = Object.assign(new SurveyEntity(), {
      title: input.title,
      description: input.description,
      opensAt,
      closesAt: input.closesAt ?? new Date(opensAt.getTime() + DEFAULT_OPEN_DAYS * DAY_MS),
      audience: input.audience ?? 'everyone',
      district: input.district ?? null,
      responseMode: input.responseMode ?? 'editable',
      anonymous: input.anonymous ?? false,
      resultsVisibility: input.resultsVisibility ?? 'after_close',
      showTextAnswers: input.showTextAnswers ?? false,
      questions: [],
      createdById: principal.userId,
    });
    for (const [index, question] of (input.questions ?? []).entries()) {
      const checked = checkQuestion(question, survey.questions);
      if (!checked.ok) throw this.invalid(checked.problems.map((p) => ({ ...p, field: `questions[${index}].${p.field}` })));
      if (survey.questions.some((q) => q.key === question.key)) {
        throw this.invalid([{ field: `questions[${index}].key`, rule: 'unique', message: `“${question.key}” is used twice` }]);
      }
      survey.questions.push(checked.question);
    }
    await this.checkSettings(survey);
    return this.unitOfWork.run(async (tx) => {
      const saved = await tx.manager.save(survey);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'survey.created',
        target: { kind: 'surveys', id: saved.id },
        after: { ...presentSurvey(saved) },
      });
      tx.publish('survey.created', { surveyId: saved.id });
      return presentSurvey(saved);
    });
  }

  async update(principal: Principal, surveyId: string, input: UpdateSurveyDto): Promise<SurveyView> {
    return this.unitOfWork.run(async (tx) => {
      const survey = await surveyForChange(tx, surveyId);
      const before = presentSurvey(survey);
      if (survey.lockedAt !== null && PROMISED_SETTINGS.some((name) => input[name] !== undefined && input[name] !== survey[name])) {
        throw Problems.conflict('survey_locked', `Once responses arrive, ${PROMISED_SETTINGS.join(', ')} stay as respondents were told.`);
      }
      const changes: Partial<SurveyEntity> = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      if (changes.audience !== undefined && changes.audience !== 'district' && input.district === undefined) changes.district = null;
      Object.assign(survey, changes);
      await this.checkSettings(survey);
      return this.saveChange(tx, principal, survey, 'survey.updated', before);
    });
  }

  /** Opens the survey to respondents (at `opensAt`); a new version closes the one it replaces. */
  async publish(principal: Principal, surveyId: string): Promise<SurveyView> {
    return this.unitOfWork.run(async (tx) => {
      const survey = await surveyForChange(tx, surveyId);
      if (survey.publishedAt !== null) throw Problems.conflict('already_published', 'This survey is already published.');
      if (!survey.questions.some((q) => q.type !== 'section')) throw Problems.conflict('no_questions', 'Add at least one question first.');
      const problems = checkQuestionList(survey.questions);
      if (problems.length > 0) throw this.invalid(problems);
      const before = presentSurvey(survey);
      survey.publishedAt = new Date();
      if (survey.previousVersionId) await this.closeReplaced(tx, principal, survey.previousVersionId);
      return this.saveChange(tx, principal, survey, 'survey.published', before);
    });
  }

  /** Ends an open survey now, ahead of its closing date. */
  async close(principal: Principal, surveyId: string): Promise<SurveyView> {
    return this.unitOfWork.run(async (tx) => {
      const survey = await surveyForChange(tx, surveyId);
      const phase = surveyPhase(survey);
      if (phase !== 'open') throw Problems.conflict('not_open', `Only an open survey can be closed; this one is ${phase}.`);
      const before = presentSurvey(survey);
      survey.closesAt = new Date();
      return this.saveChange(tx, principal, survey, 'survey.closed', before);
    });
  }

  /** A draft copy with the same settings and questions, to change what the locked version asks. */
  async newVersion(principal: Principal, surveyId: string): Promise<SurveyView> {
    return this.unitOfWork.run(async (tx) => {
      const source = await surveyForChange(tx, surveyId);
      if (source.publishedAt === null) throw Problems.conflict('still_draft', 'A draft can be changed directly; no new version needed.');
      if (await tx.manager.existsBy(SurveyEntity, { previousVersionId: source.id })) {
        throw Problems.conflict('version_exists', 'This survey already has a newer version.');
      }
      const now = Date.now();
      const copy = tx.manager.create(SurveyEntity, {
        title: source.title,
        description: source.description,
        audience: source.audience,
        district: source.district,
        responseMode: source.responseMode,
        anonymous: source.anonymous,
        resultsVisibility: source.resultsVisibility,
        showTextAnswers: source.showTextAnswers,
        questions: source.questions,
        opensAt: new Date(now),
        closesAt: source.closesAt.getTime() > now ? source.closesAt : new Date(now + DEFAULT_OPEN_DAYS * DAY_MS),
        version: source.version + 1,
        previousVersionId: source.id,
        createdById: principal.userId,
      });
      const saved = await tx.manager.save(copy);
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'survey.versioned',
        target: { kind: 'surveys', id: saved.id },
        before: { from: source.id },
      });
      tx.publish('survey.created', { surveyId: saved.id });
      return presentSurvey(saved);
    });
  }

  async get(surveyId: string, principal: Principal | undefined): Promise<SurveyView> {
    const survey = await this.dataSource.manager.findOneBy(SurveyEntity, { id: surveyId });
    assertVisible(survey, principal);
    return presentSurvey(survey);
  }

  /** Newest first; drafts only for officials, surveys for signed-in audiences only when signed in. */
  async list(query: PageQueryDto, principal: Principal | undefined): Promise<Page<SurveyView>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(SurveyEntity, 's')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(query.limit + 1);
    if (!managesSurveys(principal)) builder.andWhere('s.published_at IS NOT NULL');
    if (!principal) builder.andWhere(`s.audience = 'everyone'`);
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (cursor) builder.andWhere('(s.created_at, s.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt: cursor[0], id: cursor[1] });
    return toPage(await builder.getMany(), query.limit, (s) => [s.createdAt.toISOString(), s.id], presentSurvey);
  }

  /** Shared by settings and question changes: save, audit with before and after, announce. */
  async saveChange(tx: Transaction, principal: Principal, survey: SurveyEntity, action: string, before: SurveyView): Promise<SurveyView> {
    const saved = await tx.manager.save(survey);
    const after = presentSurvey(saved);
    await recordAudit(tx, {
      actorId: principal.userId,
      action,
      target: { kind: 'surveys', id: saved.id },
      before: { ...before },
      after: { ...after },
    });
    tx.publish('survey.updated', { surveyId: saved.id });
    return after;
  }

  private async closeReplaced(tx: Transaction, principal: Principal, previousId: string): Promise<void> {
    const previous = await surveyForChange(tx, previousId);
    if (surveyPhase(previous) === 'closed') return;
    const before = presentSurvey(previous);
    // The closing date must stay after the opening one; a replaced survey that never opened closes a moment after it would have.
    previous.closesAt = new Date(Math.max(Date.now(), previous.opensAt.getTime() + 1));
    await this.saveChange(tx, principal, previous, 'survey.replaced', before);
  }

  private async checkSettings(survey: SurveyEntity): Promise<void> {
    const problems: FieldProblem[] = [];
    if (survey.closesAt <= survey.opensAt) problems.push({ field: 'closesAt', rule: 'after_opens', message: 'must be after opensAt' });
    if (survey.audience === 'district' && !survey.district)
      problems.push({ field: 'district', rule: 'required', message: 'name the district' });
    if (survey.audience !== 'district' && survey.district) {
      problems.push({ field: 'district', rule: 'district_audience', message: 'only for audience `district`' });
    }
    if (survey.anonymous && survey.showTextAnswers) {
      problems.push({
        field: 'showTextAnswers',
        rule: 'not_anonymous',
        message: 'text answers are shown only after moderation, which needs their author; not in anonymous surveys',
      });
    }
    if (problems.length > 0) throw this.invalid(problems);
    if (survey.district) await this.districts.assertExists(survey.district);
  }

  private invalid(problems: FieldProblem[]) {
    return Problems.unprocessable('survey_invalid', problems[0].message, problems);
  }
}
