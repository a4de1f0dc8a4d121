import { Injectable } from '@nestjs/common';
import { HomeItem, HomeList, HomeSection, type HomeSectionProvider, type Translator } from '@polity/web';
import type { VNode } from 'preact';
import { ListMeetingsQueryDto } from '../meetings/meetings.dto';
import { MeetingsQuery } from '../meetings/meetings.query';
import { COUNCIL_MESSAGES } from './council.messages';

/** The next council meetings (a live one first), dated, on the home page. */
@HomeSection({ order: 50 })
@Injectable()
export class CouncilHomeSection implements HomeSectionProvider {
  readonly catalogue = COUNCIL_MESSAGES;

  constructor(private readonly meetings: MeetingsQuery) {}

  async render(t: Translator): Promise<VNode | null> {
    const next = await this.meetings.list(Object.assign(new ListMeetingsQueryDto(), { when: 'upcoming', limit: 5 }));
    const shown = next.items.filter((meeting) => meeting.status !== 'cancelled');
    if (shown.length === 0) return null;
    return (
      <HomeList
        id="home-meetings"
        title={t.t('council.home.title')}
        items={shown}
        keyOf={(meeting) => meeting.id}
        more={{ href: '/meetings', label: t.t('council.home.all') }}
        render={(meeting) => (
          <HomeItem title={meeting.title} href={`/meetings/${meeting.id}`}>
            <span>{meeting.body}</span>
            <span>{t.t('council.home.when', { date: t.date(meeting.scheduledAt), place: meeting.place })}</span>
            {meeting.status === 'live' ? (
              <strong>{t.t('council.home.live')}</strong>
            ) : (
              meeting.stream && <span>{t.t('council.home.streamed')}</span>
            )}
          </HomeItem>
        )}
      />
    );
  }
}
