import type { DecisionContentView, DecisionView } from '@polity/contracts';
import { LabelledLink, resourcePage, type Translator } from '@polity/web';

/** Titles of the resources decisions link to, read by the page (a link without its title says little). */
export type LinkTitles = ReadonlyMap<string, string>;
export const linkKey = (link: { kind: string; id: string }): string => `${link.kind}:${link.id}`;

const votesOf = (t: Translator, content: DecisionContentView): string =>
  t.t('council.decision.votes', { for: content.votes.for, against: content.votes.against, abstain: content.votes.abstain });

/**
 * One council decision: its outcome, votes, roll call, corrections and what it settles. Keyed for the
 * live client: a new decision is added to its log, a corrected one replaced, each said once.
 */
export function DecisionItem({
  t,
  decision,
  titles,
  showMeeting = false,
  keyed = true,
}: {
  t: Translator;
  decision: DecisionView;
  titles: LinkTitles;
  /** On another resource's page: which meeting it was decided at, with a link. */
  showMeeting?: boolean;
  /** In a log the live client adds to item by item (a meeting's); otherwise its part is replaced whole. */
  keyed?: boolean;
}) {
  const item = t.t('council.decision.item', { position: decision.agendaItem.position, title: decision.agendaItem.title });
  const outcome = t.t(`council.decision.outcome.${decision.outcome}`);
  const id = `decision-${decision.id}`;
  return (
    <li
      class="polity-decision"
      id={id}
      data-live-key={keyed ? id : undefined}
      data-live-in={keyed ? 'decisions' : undefined}
      data-announce={keyed ? t.t('council.decision.announce', { item, outcome }) : undefined}
    >
      <article aria-labelledby={`${id}-title`}>
        <h3 class="utrecht-heading-3" id={`${id}-title`}>
          {t.t('shell.labelled', { label: item })} <span class={`polity-outcome polity-outcome--${decision.outcome}`}>{outcome}</span>
        </h3>
        <p class="polity-meta">
          {showMeeting && (
            <span>
              <LabelledLink
                t={t}
                label={t.t('council.decision.meeting')}
                title={decision.meeting.title}
                href={`/meetings/${decision.meeting.id}#${id}`}
              />
            </span>
          )}
          <span>{t.t('council.decision.decided', { date: t.date(decision.decidedAt) })}</span>
          <span>{votesOf(t, decision)}</span>
        </p>
        {decision.text && <p class="utrecht-paragraph polity-body">{decision.text}</p>}
        {decision.proposalStatus && (
          <p class="utrecht-paragraph">
            {t.t('council.decision.status', { status: t.t(`council.proposalStatus.${decision.proposalStatus}`) })}
          </p>
        )}
        {decision.rollCall && decision.rollCall.length > 0 && (
          <details class="polity-roll-call">
            <summary>{t.t('council.decision.rollCall')}</summary>
            <table class="polity-table">
              <caption class="polity-visually-hidden">{t.t('council.decision.rollCall')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('council.decision.councillor')}</th>
                  <th scope="col">{t.t('council.decision.vote')}</th>
                </tr>
              </thead>
              <tbody>
                {decision.rollCall.map((entry) => (
                  <tr key={entry.name}>
                    <th scope="row">{entry.name}</th>
                    <td>{t.t(`council.decision.vote.${entry.vote}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
        {decision.corrections.map((correction) => (
          <div class="polity-notice" key={correction.revision}>
            <p class="utrecht-paragraph">
              {t.t('council.decision.corrected', { date: t.date(correction.correctedAt), reason: correction.reason })}
            </p>
            <p class="utrecht-paragraph">
              {t.t('council.decision.previously', {
                outcome: t.t(`council.decision.outcome.${correction.previous.outcome}`),
                votes: votesOf(t, correction.previous),
                text: correction.previous.text,
              })}
            </p>
          </div>
        ))}
        {decision.links.length > 0 && (
          <ul class="polity-links">
            {decision.links.map((link) => {
              const title = titles.get(linkKey(link));
              // What the reader may not see is not listed.
              if (!title) return null;
              return (
                <li key={linkKey(link)}>
                  <LabelledLink t={t} label={t.t(`council.links.${link.kind}`)} title={title} href={resourcePage(link.kind, link.id)} />
                </li>
              );
            })}
          </ul>
        )}
      </article>
    </li>
  );
}
