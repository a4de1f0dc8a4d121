import { Injectable } from '@nestjs/common';
import type { ProposalView } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { renderMarkdown } from '@polity/platform';
import type { ProposalEntity } from './proposal.entity';
import { editRefusal } from './proposal-editing';
import { ProposalSupportCounts } from './proposal-support-counts';

/** The public view of proposals: author names, rendered body, exact support counts. */
@Injectable()
export class ProposalPresenter {
  constructor(
    private readonly users: UsersService,
    private readonly counts: ProposalSupportCounts,
  ) {}

  async present(proposals: ProposalEntity[]): Promise<ProposalView[]> {
    const ids = proposals.map((proposal) => proposal.id);
    const [authors, counts] = await Promise.all([
      this.users.publicProfiles(proposals.flatMap((p) => [p.authorId, ...(p.answeredById ? [p.answeredById] : [])])),
      this.counts.exact(ids),
    ]);
    const author = (id: string) => authors.get(id) ?? { id, displayName: 'Deleted user' };
    return proposals.map((p) => {
      const supportCount = counts.get(p.id) ?? 0;
      return {
        id: p.id,
        title: p.title,
        body: p.body,
        bodyHtml: renderMarkdown(p.body),
        tags: p.tags,
        district: p.district,
        location: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lng: p.longitude } : null,
        status: p.status,
        withdrawnReason: p.withdrawnReason,
        author: author(p.authorId),
        supportCount,
        commentCount: p.commentCount,
        thresholdReachedAt: p.thresholdReachedAt?.toISOString() ?? null,
        answer:
          p.answerText !== null && p.answeredById !== null && p.answeredAt !== null
            ? { status: p.status, text: p.answerText, answeredBy: author(p.answeredById), answeredAt: p.answeredAt.toISOString() }
            : null,
        editable: editRefusal({ status: p.status, moderationState: p.moderationState, supportCount, commented: p.commented }) === null,
        moderationState: p.moderationState,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      };
    });
  }

  async presentOne(proposal: ProposalEntity): Promise<ProposalView> {
    const [view] = await this.present([proposal]);
    return view;
  }
}
