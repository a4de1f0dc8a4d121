import { Injectable } from '@nestjs/common';
import type { NotificationKind, NotifyingEvent } from '@polity/contracts';
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
 * Turns a domain event into plans: followers of the resource (minus whoever acted), or the one
 * person concerned. Texts carry public facts only (titles, outcomes), never who else is involved.
 */
@Injectable()
export class NotificationPlanner {
  constructor(
    private readonly follows: FollowsService,
    private readonly resources: DiscussableResources,
  ) {}

  async plan(event: NotifyingEvent): Promise<NotificationPlan[]> {
    switch (event.type) {
      case 'proposal.answered': {
        const { proposalId, status, answeredById } = event.payload;
        return this.toFollowers('proposal_answered', 'proposals', proposalId, [answeredById], (title) => ({
          title: `${quoted(title)} was answered: ${status}`,
          body: `The council's answer to ${quoted(title)} is in: it is now ${status}.`,
        }));
      }
      case 'comment.published': {
        const { kind, resourceId, authorId, parentAuthorId } = event.payload;
        const title = await this.resources.titleOf(kind, resourceId);
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
                },
              ]
            : [];
        const followers = (await this.follows.followerIds(kind, resourceId)).filter((id) => id !== authorId);
        return [
          ...replies,
          {
            kind: 'comment_on_followed',
            userIds: followers,
            resource,
            title: `New comment on ${quoted(title)}`,
            body: `There is a new comment on ${quoted(title)}.`,
          },
        ];
      }
      case 'proposal.threshold_reached': {
        const { proposalId, supportCount } = event.payload;
        return this.toFollowers('support_threshold', 'proposals', proposalId, [], (title) => ({
          title: `${quoted(title)} reached ${countOf(supportCount, 'support')}`,
          body: `${quoted(title)} has enough supports to go to the council.`,
        }));
      }
      case 'budget.outcome_published': {
        const { budgetId } = event.payload;
        return this.toFollowers('budget_outcome', 'budgets', budgetId, [], (title) => ({
          title: `The outcome of ${quoted(title)} is published`,
          body: `See which projects of ${quoted(title)} are funded, and why.`,
        }));
      }
      case 'meeting.decision_recorded': {
        const { outcome, links } = event.payload;
        const plans = await Promise.all(
          links.map((link) =>
            this.toFollowers('council_decision', link.kind, link.id, [], (title) => ({
              title: `Council decision on ${quoted(title)}: ${outcome}`,
              body: `The council decided about ${quoted(title)} (${outcome}) in its meeting.`,
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
          },
        ];
      }
      case 'thread.stage_changed': {
        const { threadId, to } = event.payload;
        return this.toFollowers('stage_changed', 'threads', threadId, [], (title) => ({
          title: `${quoted(title)} moved to ${to}`,
          body: `The co-design thread ${quoted(title)} is now in stage ${to}; its facilitators summarised the stage before.`,
        }));
      }
    }
  }

  private async toFollowers(
    kind: NotificationKind,
    resourceKind: string,
    resourceId: string,
    exclude: string[],
    text: (title: string) => { title: string; body: string },
  ): Promise<NotificationPlan[]> {
    const title = await this.resources.titleOf(resourceKind, resourceId);
    if (title === null) return [];
    const userIds = (await this.follows.followerIds(resourceKind, resourceId)).filter((id) => !exclude.includes(id));
    return [{ kind, userIds, resource: { kind: resourceKind, id: resourceId, title }, ...text(title) }];
  }
}
