import { Injectable } from '@nestjs/common';
import { type JobPayloads, roomName } from '@polity/contracts';
import { UnitOfWork } from '@polity/platform';
import { SupportThreshold } from './support-threshold';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';
import { ProposalSupportCounts } from './proposal-support-counts';

/**
 * Runs at most once per proposal per coalescing window (see JOB_COALESCING): copies the exact
 * count to the sort column, marks the threshold once, and pushes the count to the proposal's room.
 * Reading the tally fresh makes it safe to run twice or late.
 */
@Injectable()
export class SyncSupportCountHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly counts: ProposalSupportCounts,
    private readonly threshold: SupportThreshold,
    private readonly broadcaster: Broadcaster,
  ) {}

  @HandlesJob('proposals.sync-support-count')
  async sync(event: JobPayloads['proposals.sync-support-count']): Promise<{ supportCount: number }> {
    const { proposalId } = event.payload;
    const threshold = await this.threshold.current();
    const supportCount = await this.unitOfWork.run(async (tx) => {
      const count = await this.counts.exactOne(proposalId, tx.manager);
      await tx.manager.query('UPDATE proposal SET support_count = $2 WHERE id = $1 AND support_count <> $2', [proposalId, count]);
      if (count >= threshold) {
        const reached: unknown[] = await tx.manager.query(
          `WITH marked AS (UPDATE proposal SET threshold_reached_at = now() WHERE id = $1 AND threshold_reached_at IS NULL RETURNING 1)
           SELECT * FROM marked`,
          [proposalId],
        );
        if (reached.length === 1) tx.publish('proposal.threshold_reached', { proposalId, supportCount: count, threshold });
      }
      return count;
    });
    await this.broadcaster.toRoom(roomName('proposals', proposalId), 'proposal.support_count', { id: proposalId, supportCount });
    return { supportCount };
  }
}
