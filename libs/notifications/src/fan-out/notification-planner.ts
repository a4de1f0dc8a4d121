import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationParams, NotifyingEvent } from '@polity/contracts';
import { FollowsService } from '@polity/follows';
import { DiscussableResources } from '@polity/platform';
import { countOf } from '@polity/contracts';

/** Who is told what about one event. Earlier plans win when one person appears in several. */
export interface NotificationPlan {
  kind: NotificationKind;
  userIds: string[];
  resource: { kind: string; id: string; title: string } | null;
  title: string;
  body: string;
  /** What the words are made of, to write them again in the reader's language (notification-texts). */
  params: NotificationParams;
}

/** How a notification names each kind of contribution a moderator decides on. */
const MODERATED_KINDS: Record<string, string> = {
  proposals: 'proposal',
  comments: 'comment',
  'budget-projects': 'project suggestion',
  'thread-posts': 'co-design post',
  'survey-answers': 'survey answer',
};

const quoted = (title: string): string => `“${title}”`;

/**
 * Titles and follower lists read for one fan-out run, each once: a batch of comments on one
 * discussion needs them once, not once per comment.
 */
export class PlanLookups {
  private readonly titles = new Map<string, Promise<string | null>>();
  private readonly followers = new Map<string, Promise<string[]>>();

  constructor(
    private readonly follows: FollowsService,
    private readonly resources: DiscussableResources,
  ) {}

  titleOf(kind: string, id: string): Promise<string | null> {
    return remembered(this.titles, `${kind}:${id}`, () => this.resources.titleOf(kind, id));
  }

  followerIds(kind: string, id: string): Promise<string[]> {
    return remembered(this.followers, `${kind}:${id}`, () => this.follows.followerIds(kind, id));
  }
}

function remembered<T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) map.set(key, (value = read()));
  return value;
}

/**
 * Turns a domain event into plans: followers of the resource (minus whoever acted), or the one
 * person concerned. Texts carry public facts only (titles, outcomes), never who else is involved.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    private readonly follows: FollowsService,
    private readonly resources: DiscussableResources,
  ) {}

  /** Lookups to share between the plans of one run. */
  lookups(): PlanLookups {
    return new PlanLookups(this.follows, this.resources);
  }

  async plan(event: NotifyingEvent, lookups: PlanLookups = this.lookups()): Promise<NotificationPlan[]> {
    switch (event.type) {
      case 'proposal.answered': {
        const { proposalId, status, answeredById } = event.payload;
        return this.toFollowers(lookups, 'proposal_answered', 'proposals', proposalId, [answeredById], (title) => ({
          title: `${quoted(title)} was answered: ${status}`,
          body: `The council's answer to ${quoted(title)} is in: it is now ${status}.`,
          params: { title, status },
        }));
      }
      case 'comment.published': {
        const { kind, resourceId, authorId, parentAuthorId } = event.payload;
        const title = await lookups.titleOf(kind, resourceId);
        if (title === null) return [];
        const resource = { kind, id: resourceId, title };
        const replies: NotificationPlan[] =
          parentAuthorId && parentAuthorId !== authorId
            ? [
                {
                  kind: 'comment_reply',
                  userIds: [parentAuthorId],
                  resource,
                  title: `A reply to your comment on ${quoted(title)}`,
                  body: `Someone replied to your comment on ${quoted(title)}.`,
                  params: { title },
                },
              ]
            : [];
        const followers = (await lookups.followerIds(kind, resourceId)).filter((id) => id !== authorId);
        return [
          ...replies,
          {
            kind: 'comment_on_followed',
            userIds: followers,
            resource,
            title: `New comment on ${quoted(title)}`,
            body: `There is a new comment on ${quoted(title)}.`,
            params: { title },
          },
        ];
      }
      case 'proposal.threshold_reached': {
        const { proposalId, supportCount } = event.payload;
        return this.toFollowers(lookups, 'support_threshold', 'proposals', proposalId, [], (title) => ({
          title: `${quoted(title)} reached ${countOf(supportCount, 'support')}`,
          body: `${quoted(title)} has enough supports to go to the council.`,
          params: { title, count: supportCount },
        }));
      }
      case 'budget.outcome_published': {
        const { budgetId } = event.payload;
        return this.toFollowers(lookups, 'budget_outcome', 'budgets', budgetId, [], (title) => ({
          title: `The outcome of ${quoted(title)} is published`,
          body: `See which projects of ${quoted(title)} are funded, and why.`,
          params: { title },
        }));
      }
      case 'meeting.decision_recorded': {
        const { outcome, links, meetingId } = event.payload;
        // Followers of what the decision is about first; then the meeting's own followers.
        const subjects = [...links, { kind: 'meetings', id: meetingId }];
        const plans = await Promise.all(
          subjects.map((link) =>
            this.toFollowers(lookups, 'council_decision', link.kind, link.id, [], (title) => ({
              title: `Council decision on ${quoted(title)}: ${outcome}`,
              body: `The council decided about ${quoted(title)} (${outcome}) in its meeting.`,
              params: { title, outcome },
            })),
          ),
        );
        return plans.flat();
      }
      case 'moderation.decided': {
        const { kind, authorId, action, final } = event.payload;
        const what = MODERATED_KINDS[kind] ?? 'contribution';
        return [
          {
            kind: 'moderation_decision',
            userIds: [authorId],
            resource: null,
            title: `A moderator decided about your ${what}: ${action}`,
            body: final
              ? `The decision on your ${what} is final (${action}). The reasons are in your moderation decisions.`
              : `A moderator decided about your ${what} (${action}). The reasons are in your moderation decisions, where you may appeal.`,
            params: { what: kind, action, final },
          },
        ];
      }
      case 'meeting.status_changed': {
        const { meetingId, to } = event.payload;
        if (to !== 'live') return [];
        return this.toFollowers(lookups, 'meeting_started', 'meetings', meetingId, [], (title) => ({
          title: `${quoted(title)} has started`,
          body: `The meeting ${quoted(title)} has started: watch it and follow its decisions as they are made.`,
          params: { title },
        }));
      }
      case 'thread.stage_changed': {
        const { threadId, to } = event.payload;
        return this.toFollowers(lookups, 'stage_changed', 'threads', threadId, [], (title) => ({
          title: `${quoted(title)} moved to ${to}`,
          body: `The co-design thread ${quoted(title)} is now in stage ${to}; its facilitators summarised the stage before.`,
          params: { title, to },
        }));
      }
    }
  }

  private async toFollowers(
    lookups: PlanLookups,
    kind: NotificationKind,
    resourceKind: string,
    resourceId: string,
    exclude: string[],
    text: (title: string) => { title: string; body: string; params: NotificationParams },
  ): Promise<NotificationPlan[]> {
    const [title, followers] = await Promise.all([
      lookups.titleOf(resourceKind, resourceId),
      lookups.followerIds(resourceKind, resourceId),
    ]);
    if (title === null) return [];
    const userIds = followers.filter((id) => !exclude.includes(id));
    return [{ kind, userIds, resource: { kind: resourceKind, id: resourceId, title }, ...text(title) }];
  }
}
