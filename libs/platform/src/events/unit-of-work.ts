import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { jobsForEvent } from '@polity/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { DomainEventBus } from './domain-event-bus';
import { Transaction } from './transaction';

/** Channel the relay listens on, so an outbox row is picked up at commit rather than at the next poll. */
export const OUTBOX_CHANNEL = 'polity_outbox';

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 4;

export interface UnitOfWorkOptions {
  isolation?: IsolationLevel;
}

/**
 * Runs a piece of work in one database transaction. Events the work publishes are written to the
 * outbox inside the transaction (when a job consumes them) and handed to in-process listeners only
 * after commit, so nobody hears of a change that a rollback then undoes. Serialization failures and
 * deadlocks are retried, which is what makes SERIALIZABLE usable for races such as ballot edits.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: DomainEventBus,
  ) {}

  async run<T>(work: (tx: Transaction) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const tx = await this.attempt(work, options, attempt);
      if (tx.done) {
        await this.bus.deliver(tx.transaction.events);
        return tx.value;
      }
    }
  }

  private async attempt<T>(
    work: (tx: Transaction) => Promise<T>,
    options: UnitOfWorkOptions,
    attempt: number,
  ): Promise<{ done: true; value: T; transaction: Transaction } | { done: false }> {
    try {
      let transaction: Transaction | undefined;
      const run = async (manager: EntityManager): Promise<T> => {
        transaction = new Transaction(manager);
        const result = await work(transaction);
        await this.writeOutbox(manager, transaction);
        return result;
      };
      // Without a level, PostgreSQL's own default (READ COMMITTED) holds, and TypeORM sends no SET
      // TRANSACTION: one round trip less on every write.
      const value = options.isolation ? await this.dataSource.transaction(options.isolation, run) : await this.dataSource.transaction(run);
      return { done: true, value, transaction: transaction as Transaction };
    } catch (error) {
      const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10 * attempt));
        return { done: false };
      }
      throw error;
    }
  }

  private async writeOutbox(manager: EntityManager, transaction: Transaction): Promise<void> {
    const durable = transaction.events.filter((event) => jobsForEvent(event.type).length > 0);
    if (durable.length === 0) return;
    // One round trip for the rows and the wake-up call: this runs in every write that matters.
    await manager.query(
      `WITH written AS (
         INSERT INTO outbox_event (event_id, type, payload, occurred_at)
         SELECT (e->>'id')::uuid, e->>'type', e, (e->>'occurredAt')::timestamptz FROM jsonb_array_elements($1::jsonb) AS e
         RETURNING 1)
       SELECT pg_notify($2, count(*)::text) FROM written`,
      [JSON.stringify(durable), OUTBOX_CHANNEL],
    );
  }
}
