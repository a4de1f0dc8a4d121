import { createHash } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEvent, JOB_BATCHING, JOB_COALESCING, JobName, jobsForEvent } from '@polity/contracts';
import type { EnqueueOptions } from './job-queue';
import { DatabaseConfig, OUTBOX_CHANNEL, RedisConnections, WorkerConfig } from '@polity/platform';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobQueue } from './job-queue';

const BATCH_SIZE = 200;
const MAX_REMEMBERED_SLOTS = 10_000;
/** How soon a lost LISTEN connection is opened again. */
const RELISTEN_MS = 1000;

type Coalescing = { windowMs: number; throttled?: boolean; key: (payload: DomainEvent) => string };

const coalescingOf = (job: JobName): Coalescing | undefined => JOB_COALESCING[job] as Coalescing | undefined;

/**
 * Where a throttled job's next run goes (throttleSlot, in contracts), decided and recorded in one
 * step in Redis, so several relays agree: KEYS[1] holds the latest slot; ARGV: now, interval.
 */
const THROTTLE = `
local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
if latest > now then return -1 end
local slot = now
if now < latest + interval then slot = latest + interval end
redis.call('SET', KEYS[1], slot, 'PX', interval * 20)
return slot
`;

/**
 * One job per event, or one per coalescing window and key (see JOB_COALESCING), or for a throttled
 * job one per slot the relay was given (`slot`; none when it was given none). The job ids make the
 * queue drop every later copy of the same run.
 */
export function jobOptions(job: JobName, event: DomainEvent, now = Date.now(), slot?: number): EnqueueOptions {
  const coalescing = coalescingOf(job);
  if (!coalescing) return { jobId: `${job}-${event.id}` };
  const key = coalescing.key(event);
  if (coalescing.throttled && slot !== undefined)
    return { jobId: `${job}-${key}-${slot}`, delay: Math.max(0, slot - now), removeOnComplete: true };
  const window = Math.floor(now / coalescing.windowMs);
  const end = (window + 1) * coalescing.windowMs;
  return { jobId: `${job}-${key}-${window}`, delay: end - now, removeOnComplete: true };
}

/** A short name for a set of events: the same events, the same name. */
const eventsDigest = (events: readonly DomainEvent[]): string =>
  createHash('sha256')
    .update(events.map((event) => event.id).join(','))
    .digest('hex')
    .slice(0, 16);

/**
 * The jobs for events of a batched job (see JOB_BATCHING): `size` events each, named after all of
 * them, so a pass relayed twice (a crash between enqueue and commit) adds no second job for the same
 * events. Named after the first alone, a second pass that gathered more events (PostgreSQL restarted
 * between the two) was taken for the first and its new events were never done: the chaos run found it.
 * A lone event travels as itself.
 */
export function batchJobs(
  job: JobName,
  events: readonly DomainEvent[],
): { payload: DomainEvent | { batch: DomainEvent[] }; jobId: string }[] {
  const size = JOB_BATCHING[job]?.size ?? 1;
  const jobs: { payload: DomainEvent | { batch: DomainEvent[] }; jobId: string }[] = [];
  for (let start = 0; start < events.length; start += size) {
    const batch = events.slice(start, start + size);
    jobs.push(
      batch.length === 1
        ? { payload: batch[0], jobId: `${job}-${batch[0].id}` }
        : { payload: { batch }, jobId: `${job}-batch-${batch[0].id}-${eventsDigest(batch)}` },
    );
  }
  return jobs;
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
  private listening = false;
  private timer: NodeJS.Timeout | undefined;
  private listenTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private redis: Redis | undefined;
  /** The throttle slots this relay set, by key: until one passes, its run covers new events. */
  private readonly slotsSet = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly database: DatabaseConfig,
    private readonly config: WorkerConfig,
    private readonly connections: RedisConnections,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    // A boot that failed elsewhere may already have shut us down while LISTEN was connecting.
    if (this.stopped) {
      await this.listener?.end().catch(() => undefined);
      return;
    }
    this.timer = setInterval(() => this.kick(), this.config.outboxPollIntervalMs);
    // After PostgreSQL restarted, listen again: polling alone would delay every job by up to a poll interval.
    this.listenTimer = setInterval(() => {
      if (this.listener || this.listening || this.stopped) return;
      this.listening = true;
      this.listen()
        .catch(() => undefined)
        .finally(() => (this.listening = false));
    }, RELISTEN_MS);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.listenTimer);
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
      const batched = new Map<JobName, DomainEvent[]>();
      const single: { job: JobName; event: DomainEvent }[] = [];
      for (const { payload: event } of rows) {
        for (const job of jobsForEvent(event.type)) {
          if (JOB_BATCHING[job]) batched.set(job, [...(batched.get(job) ?? []), event]);
          else single.push({ job, event });
        }
      }
      const throttled = await Promise.all(
        this.firstPerThrottleKey(single).map(async ({ job, event }) => {
          const now = Date.now();
          const slot = await this.throttle(job, event, now);
          return slot === null ? null : { name: job, payload: event as never, options: jobOptions(job, event, now, slot) };
        }),
      );
      const jobs = [
        ...throttled.filter((job) => job !== null),
        ...[...batched].flatMap(([job, events]) =>
          batchJobs(job, events).map(({ payload, jobId }) => ({ name: job, payload: payload as never, options: { jobId } })),
        ),
      ];
      // Recorded in this transaction: relayed means recorded, whatever Redis forgets later.
      await this.queue.enqueueMany(jobs, manager);
      await manager.query('UPDATE outbox_event SET relayed_at = now() WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }

  /**
   * One run of a throttled job reads the state all of a pass's events left, so only the first event
   * per job and key in a pass asks for a slot; other jobs keep every event.
   */
  private firstPerThrottleKey(jobs: { job: JobName; event: DomainEvent }[]): { job: JobName; event: DomainEvent }[] {
    const seen = new Set<string>();
    return jobs.filter(({ job, event }) => {
      const key = this.throttleKey(job, event);
      if (key === undefined) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Where a throttled job's latest slot for this event's key is kept in Redis; undefined for every other job. */
  private throttleKey(job: JobName, event: DomainEvent): string | undefined {
    const coalescing = coalescingOf(job);
    return coalescing?.throttled ? `${this.connections.prefix('relay')}:throttle:${job}:${coalescing.key(event)}` : undefined;
  }

  /**
   * For a throttled job, the slot its run for this event goes in, or null when a run still to come
   * covers it; undefined for every other job. A run this relay already set for later covers it
   * without asking Redis. Losing the key (a Redis restart) costs one extra run, nothing more.
   */
  private async throttle(job: JobName, event: DomainEvent, now: number): Promise<number | null | undefined> {
    const key = this.throttleKey(job, event);
    if (key === undefined) return undefined;
    if ((this.slotsSet.get(key) ?? 0) > now) return null;
    this.redis ??= this.connections.open({ maxRetriesPerRequest: 3 });
    const slot = Number(await this.redis.eval(THROTTLE, 1, key, now, (coalescingOf(job) as Coalescing).windowMs));
    if (slot < 0) return null;
    this.rememberSlot(key, slot, now);
    return slot;
  }

  private rememberSlot(key: string, slot: number, now: number): void {
    if (this.slotsSet.size >= MAX_REMEMBERED_SLOTS) {
      for (const [known, at] of this.slotsSet) if (at <= now) this.slotsSet.delete(known);
    }
    if (this.slotsSet.size < MAX_REMEMBERED_SLOTS) this.slotsSet.set(key, slot);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.database.url });
    client.on('notification', () => this.kick());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    if (this.stopped) await client.end();
    else this.listener = client;
  }
}
