import type { DecisionView, MeetingView } from '@polity/contracts';
import { FollowForm, LabelledLink, Layout, type LiveConfig, resourcePage, type Translator, type WebRequest } from '@polity/web';
import { DecisionItem, type LinkTitles, linkKey } from './decision-item';

export interface MeetingPageProps {
  t: Translator;
  siteName: string;
  web: WebRequest;
  meeting: MeetingView;
  titles: LinkTitles;
  following: boolean;
  live: LiveConfig;
}

/**
 * A council meeting as residents follow it: the stream (or the recording after), the agenda with
 * the item now open marked, and the decisions as the clerk records them, in a log.
 */
export function MeetingPage({ t, siteName, web, meeting, titles, following, live }: MeetingPageProps) {
  const decisions = meeting.agenda.flatMap((item) => item.decisions).sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  return (
    <Layout t={t} siteName={siteName} web={web} title={meeting.title} section="meetings" live={live}>
      <div data-live-part="status" data-announce={t.t(`council.status.${meeting.status}`)}>
        <p class="polity-meta">
          <span>{meeting.body}</span>
          <span>{t.t('council.meeting.when', { date: t.date(meeting.scheduledAt), place: meeting.place })}</span>
          <strong class={`polity-status polity-status--${meeting.status}`}>{t.t(`council.status.${meeting.status}`)}</strong>
        </p>
        {meeting.status === 'cancelled' && meeting.cancellationReason && (
          <p class="polity-notice">{t.t('council.meeting.cancelled', { reason: meeting.cancellationReason })}</p>
        )}
      </div>
      {meeting.description && <p class="utrecht-paragraph polity-body">{meeting.description}</p>}
      <FollowForm t={t} web={web} kind="meetings" id={meeting.id} following={following} label={t.t('council.meeting.follow')} />
      <div data-live-part="stream" data-live-quiet>
        <Stream t={t} meeting={meeting} />
      </div>
      <section aria-labelledby="agenda-title">
        <h2 class="utrecht-heading-2" id="agenda-title">
          {t.t('council.agenda.title')}
        </h2>
        <div data-live-part="agenda" data-live-quiet>
          {meeting.agenda.length === 0 ? (
            <p class="utrecht-paragraph">{t.t('council.agenda.empty')}</p>
          ) : (
            <ol class="polity-agenda">
              {meeting.agenda.map((item) => (
                <li
                  key={item.id}
                  id={`item-${item.id}`}
                  class={`polity-agenda__item polity-agenda__item--${item.status}`}
                  aria-current={item.status === 'open' ? 'step' : undefined}
                >
                  <p class="polity-agenda__title">
                    <strong>{item.title}</strong>
                    {item.status === 'open' && <span class="polity-agenda__now"> {t.t('council.agenda.open')}</span>}
                    {item.status === 'closed' && <span class="polity-meta"> ({t.t('council.agenda.closed')})</span>}
                  </p>
                  {item.description && <p class="utrecht-paragraph">{item.description}</p>}
                  {item.links.some((link) => titles.has(linkKey(link))) && (
                    <ul class="polity-links">
                      {/* What the reader may not see is not listed. */}
                      {item.links
                        .filter((link) => titles.has(linkKey(link)))
                        .map((link) => (
                          <li key={linkKey(link)}>
                            <LabelledLink
                              t={t}
                              label={t.t(`council.links.${link.kind}`)}
                              title={titles.get(linkKey(link)) ?? ''}
                              href={resourcePage(link.kind, link.id)}
                            />
                          </li>
                        ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
      <section aria-labelledby="decisions-title">
        <h2 class="utrecht-heading-2" id="decisions-title">
          {t.t('council.decisions.title')}
        </h2>
        <div data-live-part="decisions" role="log" aria-labelledby="decisions-title">
          {decisions.length === 0 && (
            <p class="utrecht-paragraph" data-live-empty="decisions">
              {t.t('council.decisions.none')}
            </p>
          )}
          <ol class="polity-list polity-decisions" data-live-list="decisions">
            {decisions.map((decision: DecisionView) => (
              <DecisionItem key={decision.id} t={t} decision={decision} titles={titles} />
            ))}
          </ol>
        </div>
      </section>
      {meeting.minutesHtml && (
        <section aria-labelledby="minutes-title">
          <h2 class="utrecht-heading-2" id="minutes-title">
            {t.t('council.minutes.title')}
          </h2>
          {/* Markdown rendered to an allow-listed subset by the council library. */}
          <div class="polity-body" dangerouslySetInnerHTML={{ __html: meeting.minutesHtml }} />
        </section>
      )}
    </Layout>
  );
}

/** The stream in a titled frame (or a video player for HLS) with a link out; the recording once it is over. */
function Stream({ t, meeting }: { t: Translator; meeting: MeetingView }) {
  const over = meeting.status === 'ended';
  if (meeting.status === 'cancelled' || (!meeting.stream && !meeting.recordingUrl)) return null;
  return (
    <section aria-labelledby="stream-title">
      <h2 class="utrecht-heading-2" id="stream-title">
        {t.t('council.stream.title')}
      </h2>
      {over && meeting.recordingUrl ? (
        <p class="utrecht-paragraph">
          <a class="polity-button" href={meeting.recordingUrl}>
            {t.t('council.stream.recording')}
          </a>
        </p>
      ) : meeting.stream ? (
        <>
          {meeting.status === 'scheduled' && <p class="utrecht-paragraph">{t.t('council.stream.later')}</p>}
          <div class="polity-player">
            {meeting.stream.provider === 'hls' ? (
              <video controls preload="none" src={meeting.stream.embedUrl} title={t.t('council.stream.frame', { title: meeting.title })}>
                <a href={meeting.stream.url}>{t.t('council.stream.hls')}</a>
              </video>
            ) : (
              <iframe
                src={meeting.stream.embedUrl}
                title={t.t('council.stream.frame', { title: meeting.title })}
                loading="lazy"
                allow="autoplay; fullscreen; picture-in-picture"
                allowFullScreen
              />
            )}
          </div>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={meeting.stream.url}>
              {t.t('council.stream.elsewhere')}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}
