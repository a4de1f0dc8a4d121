import type { MeetingSummaryView } from '@polity/contracts';
import { Layout, type Translator, type WebRequest } from '@polity/web';

export interface MeetingListPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  live: MeetingSummaryView[];
  upcoming: MeetingSummaryView[];
  past: MeetingSummaryView[];
  cancelled: MeetingSummaryView[];
}

/** Meetings live now, upcoming, past and cancelled, with the calendar feed to subscribe to. */
export function MeetingListPage({ t, siteName, web, ...groups }: MeetingListPageProps) {
  const sections = [
    ['live', groups.live],
    ['upcoming', groups.upcoming],
    ['past', groups.past],
    ['cancelled', groups.cancelled],
  ] as const;
  return (
    <Layout t={t} siteName={siteName} web={web} title={t.t('council.list.title')} section="meetings">
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('council.list.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/api/v1/meetings.ics" type="text/calendar">
          {t.t('council.list.calendar')}
        </a>
      </p>
      {sections
        .filter(([key, meetings]) => key === 'upcoming' || meetings.length > 0)
        .map(([key, meetings]) => (
          <section key={key} aria-labelledby={`meetings-${key}`}>
            <h2 class="utrecht-heading-2" id={`meetings-${key}`}>
              {t.t(`council.list.${key}`)}
            </h2>
            {meetings.length === 0 ? (
              <p class="utrecht-paragraph">{t.t('council.list.none')}</p>
            ) : (
              <ul class="polity-list">
                {meetings.map((meeting) => (
                  <li key={meeting.id}>
                    <h3 class="utrecht-heading-3">
                      <a class="utrecht-link" href={`/meetings/${meeting.id}`}>
                        {meeting.title}
                      </a>
                    </h3>
                    <p class="polity-meta">
                      <span>{meeting.body}</span>
                      <span>{t.t('council.meeting.when', { date: t.date(meeting.scheduledAt), place: meeting.place })}</span>
                      <span>{t.t(`council.status.${meeting.status}`)}</span>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </Layout>
  );
}
