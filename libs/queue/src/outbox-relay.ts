import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvent, JOB_COALESCING, JobName, jobsForEvent } from '@polity/contracts';
import type { EnqueueOptions } from './job-queue';
import { DatabaseConfig, OUTBOX_CHANNEL, WorkerConfig } from '@polity/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobQueue } from './job-queue';

const BATCH_SIZE = 200;

/** One job per event, or one per coalescing window and key (see JOB_COALESCING). */
function jobOptions(job: JobName, event: DomainEvent): EnqueueOptions {
  const coalescing = JOB_COALESCING[job] as { windowMs: number; key: (payload: DomainEvent) => string } | undefined;
  if (!coalescing) return { jobId: `${job}-${event.id}` };
  const now = Date.now();
  const window = Math.floor(now / coalescing.windowMs);
  return {
    jobId: `${job}-${coalescing.key(event)}-${window}`,
    delay: (window + 1) * coalescing.windowMs - now,
    removeOnComplete: true,
  };
}

/**
 * Moves committed outbox rows into the job queues. It wakes on the NOTIFY sent by the committing
 * transaction and also polls, so rows written while no worker ran (or whose notification was
 * missed) are relayed too. Rows are claimed with SKIP LOCKED, so several workers can run it; the
 * job id is derived from the event id, so a row relayed twice (crash between enqueue and commit)
 * does not produce a second live job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly database: DatabaseConfig,
    private readonly config: WorkerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    // A boot that failed elsewhere may already have shut us down while LISTEN was connecting.
    if (this.stopped) {
      await this.listener?.end().catch(() => undefined);
      return;
    }
    this.timer = setInterval(() => this.kick(), this.config.outboxPollIntervalMs);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays everything pending now; resolves when the outbox is drained. */
  async drain(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.relayAll()
      .catch((error: unknown) => this.logger.error({ err: error }, 'outbox relay failed; will retry on the next poll'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async relayAll(): Promise<void> {
    while (!this.stopped && (await this.relayBatch()) === BATCH_SIZE) {
      // keep going while full batches come back
    }
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; payload: DomainEvent }[] = await manager.query(
        'SELECT id, payload FROM outbox_event WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.flatMap(({ payload: event }) =>
          jobsForEvent(event.type).map((job) => this.queue.enqueue(job, event as never, jobOptions(job, event))),
        ),
      );
      await manager.query('UPDATE outbox_event SET relayed_at = now() WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.database.url });
    client.on('notification', () => this.kick());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox LISTEN connection lost; relying on polling');
      this.listener = undefined;
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
  }
}
