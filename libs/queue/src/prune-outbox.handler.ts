import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobPayloads } from '@polity/contracts';
import { DataSource } from 'typeorm';
import { HandlesJob } from './handles-job.decorator';

/** Relayed outbox rows are kept a few days for diagnosis, then deleted. */
@Injectable()
export class PruneOutboxHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @HandlesJob('maintenance.prune-outbox')
  async prune({ olderThanDays }: JobPayloads['maintenance.prune-outbox']): Promise<{ deleted: number }> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM outbox_event WHERE relayed_at IS NOT NULL AND relayed_at < now() - make_interval(days => $1)`,
      [olderThanDays],
    );
    return { deleted };
  }
}
