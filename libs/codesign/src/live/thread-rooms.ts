import { Injectable } from '@nestjs/common';
import { type DecisionSummary, roomName } from '@polity/contracts';
import {
  type DecisionSubject,
  DecisionSubjectKind,
  type DiscussableResource,
  isUuid,
  type Principal,
  Problems,
  DiscussionOf,
  type Transaction,
} from '@polity/platform';
import { type RoomPolicy, RoomPolicyFor } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { ThreadEntity } from '../entities/thread.entity';

const exists = async (dataSource: DataSource, id: string | undefined): Promise<boolean> =>
  isUuid(id) && (await dataSource.manager.existsBy(ThreadEntity, { id }));

/** `threads:<id>`: threads are public, so anyone may watch one. */
@RoomPolicyFor('threads')
@Injectable()
export class ThreadRoomPolicy implements RoomPolicy {
  constructor(private readonly dataSource: DataSource) {}

  canJoin(_principal: Principal | undefined, id: string | undefined): Promise<boolean> {
    return exists(this.dataSource, id);
  }
}

/** Threads can be followed and linked (from agenda items, other threads); people discuss them in posts, not comments. */
@DiscussionOf('threads')
@Injectable()
export class ThreadDiscussion implements DiscussableResource {
  constructor(private readonly dataSource: DataSource) {}

  async roomFor(id: string): Promise<string | null> {
    return (await exists(this.dataSource, id)) ? roomName('threads', id) : null;
  }

  async titleOf(id: string): Promise<string | null> {
    return isUuid(id) ? ((await this.dataSource.manager.findOneBy(ThreadEntity, { id }))?.title ?? null) : null;
  }

  assertOpenForContribution(): Promise<void> {
    return Promise.reject(Problems.conflict('use_thread_posts', 'Threads take posts, not comments: POST /api/v1/threads/<id>/posts.'));
  }
}

/** A council decision about a thread joins its timeline; a correction replaces it there (the council keeps the history). */
@DecisionSubjectKind('threads')
@Injectable()
export class ThreadDecisions implements DecisionSubject {
  async applyDecision(tx: Transaction, threadId: string, decision: DecisionSummary): Promise<void> {
    await tx.manager.query(
      `INSERT INTO codesign_thread_decision (thread_id, decision_id, revision, decided_at, summary) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (thread_id, decision_id) DO UPDATE SET revision = EXCLUDED.revision, summary = EXCLUDED.summary
       WHERE codesign_thread_decision.revision < EXCLUDED.revision`,
      [threadId, decision.decisionId, decision.revision, decision.decidedAt, JSON.stringify(decision)],
    );
  }
}
