import type { ContentState, ProposalStatus } from '@polity/contracts';
import { ProblemException, Problems } from '@polity/platform';

/** What decides whether the author may still edit a proposal. */
export interface EditFacts {
  status: ProposalStatus;
  moderationState: ContentState;
  supportCount: number;
  /** Anyone ever commented, the comment since deleted or still held included. */
  commented: boolean;
}

/**
 * Why the author may no longer edit, or null while they may: a published proposal no moderator hid,
 * until its first support or comment (a deleted or held comment counts too: someone answered the
 * text as it stood). The views' `editable` and the edit itself both ask here.
 */
export function editRefusal(facts: EditFacts): ProblemException | null {
  if (facts.status !== 'published')
    return Problems.conflict('not_editable', `This proposal can no longer be edited: its status is ${facts.status}.`);
  if (facts.moderationState === 'hidden')
    return Problems.conflict('content_hidden', 'A moderator hid this proposal; it can no longer be edited.');
  if (facts.supportCount > 0 || facts.commented)
    return Problems.conflict('not_editable', 'A proposal can no longer be edited once someone has supported or commented on it.');
  return null;
}
