import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

/** Reads support counts from the tally shards: exact at every moment, unlike the sort column. */
@Injectable()
export class ProposalSupportCounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exact(proposalIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    if (proposalIds.length === 0) return new Map();
    const rows: { proposal_id: string; supports: string }[] = await manager.query(
      'SELECT proposal_id, sum(supports) AS supports FROM proposal_support_tally WHERE proposal_id = ANY($1::uuid[]) GROUP BY proposal_id',
      [proposalIds],
    );
    return new Map(rows.map((row) => [row.proposal_id, Number(row.supports)]));
  }

  async exactOne(proposalId: string, manager?: EntityManager): Promise<number> {
    return (await this.exact([proposalId], manager)).get(proposalId) ?? 0;
  }

  async supportedBy(userId: string, proposalIds: string[]): Promise<Set<string>> {
    if (proposalIds.length === 0) return new Set();
    const rows: { proposal_id: string }[] = await this.dataSource.query(
      'SELECT proposal_id FROM proposal_support WHERE user_id = $1 AND proposal_id = ANY($2::uuid[])',
      [userId, proposalIds],
    );
    return new Set(rows.map((row) => row.proposal_id));
  }
}
