import { Injectable } from '@nestjs/common';
import { PageQueryDto } from '@polity/platform';
import { HomeItem, HomeList, HomeSection, type HomeSectionProvider, type Translator } from '@polity/web';
import type { VNode } from 'preact';
import { SurveysService } from '../surveys/surveys.service';
import { SURVEYS_MESSAGES } from './surveys.messages';

const SHOWN = 5;
/** The newest surveys the open ones are picked from: a town runs a handful at a time. */
const LOOKED_AT = 50;

/** Public surveys taking answers now, with their closing date, on the home page. */
@HomeSection({ order: 30 })
@Injectable()
export class SurveysHomeSection implements HomeSectionProvider {
  readonly catalogue = SURVEYS_MESSAGES;

  constructor(private readonly surveys: SurveysService) {}

  async render(t: Translator): Promise<VNode | null> {
    const newest = await this.surveys.list(Object.assign(new PageQueryDto(), { limit: LOOKED_AT }), undefined);
    const open = newest.items.filter((survey) => survey.phase === 'open').slice(0, SHOWN);
    if (open.length === 0) return null;
    return (
      <HomeList
        id="home-surveys"
        title={t.t('surveys.home.title')}
        items={open}
        keyOf={(survey) => survey.id}
        more={{ href: '/surveys', label: t.t('surveys.home.all') }}
        render={(survey) => (
          <HomeItem title={survey.title} href={`/surveys/${survey.id}`}>
            <span>{t.t('surveys.home.closes', { date: t.date(survey.closesAt) })}</span>
            {survey.audience !== 'everyone' && <span>{t.t('surveys.home.residents')}</span>}
          </HomeItem>
        )}
      />
    );
  }
}
