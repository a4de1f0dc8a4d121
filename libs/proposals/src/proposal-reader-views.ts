import { Injectable } from '@nestjs/common';
import type { ProposalReaderView, ProposalView } from '@polity/contracts';
import type { Page, Principal } from '@polity/platform';
import { ProposalSupportCounts } from './proposal-support-counts';

/**
 * What one reader sees beyond the shared view (whether they support it), added at the edge for the
 * routes and pages that answer a person. Live pushes, other features and open data use the shared
 * ProposalView, which never holds anything of one reader.
 */
@Injectable()
export class ProposalReaderViews {
  constructor(private readonly counts: ProposalSupportCounts) {}

  async many(views: ProposalView[], reader: Principal | undefined): Promise<ProposalReaderView[]> {
    const mine = reader
      ? await this.counts.supportedBy(
          reader.userId,
          views.map((view) => view.id),
        )
      : new Set<string>();
    return views.map((view) => ({ ...view, supportedByMe: mine.has(view.id) }));
  }

  async one(view: ProposalView, reader: Principal | undefined): Promise<ProposalReaderView> {
    const [readerView] = await this.many([view], reader);
    return readerView;
  }

  /** One proposal read by its id: whether the reader supports it is asked beside the read, not after it. */
  async read(id: string, view: Promise<ProposalView>, reader: Principal | undefined): Promise<ProposalReaderView> {
    const [shared, mine] = await Promise.all([view, reader ? this.counts.supportedBy(reader.userId, [id]) : new Set<string>()]);
    return { ...shared, supportedByMe: mine.has(shared.id) };
  }

  async page(page: Page<ProposalView>, reader: Principal | undefined): Promise<Page<ProposalReaderView>> {
    return { items: await this.many(page.items, reader), nextCursor: page.nextCursor };
  }
}
