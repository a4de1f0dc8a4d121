import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { providersByKey } from '../discovery/providers-by-key';
import { canonicalKind, type ContentState, type ResourceKind } from '@polity/contracts';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Problems } from '../errors/problem';
import type { Transaction } from '../events/transaction';

/** One piece of citizen text as moderation sees it. */
export interface ModeratedText {
  id: string;
  authorId: string;
  /** Everything a reader sees of it (a proposal's title and body), for screening and for moderators. */
  text: string;
  state: ContentState;
  /** Deleted by its author: nothing left to moderate. */
  deleted: boolean;
}

/**
 * Implemented by each feature that holds citizen text (proposals, comments, budget project
 * suggestions…). The feature keeps the content's state in its own table, so its lists and searches
 * filter on it directly; moderation reads the text and changes the state only through this.
 */
export interface ModeratableContent {
  load(manager: EntityManager, ids: string[]): Promise<ModeratedText[]>;
  /**
   * Sets the state of these contents inside the moderation's transaction (one statement, however
   * many: a screening batch holds dozens at once), and publishes the feature's own change event for
   * each. The edit time stays: moderation is not an edit.
   */
  setState(tx: Transaction, ids: readonly string[], state: ContentState): Promise<void>;
  /**
   * Screening passed the text, or a moderator restored it or dismissed its reports, and it is
   * visible: the moment a feature may tell people about it (a new comment notifies followers only
   * now, never before a verdict that might hold it). Called on every such verdict, inside its
   * transaction (screening passes many at once); the feature announces each once.
   */
  cleared?(tx: Transaction, ids: readonly string[]): Promise<void>;
}

/** Registers a provider as the ModeratableContent of a kind such as `comments`. */
export const ModeratableKind = DiscoveryService.createDecorator<ResourceKind>();

@Injectable()
export class ModeratableContents implements OnApplicationBootstrap {
  private kinds = new Map<string, ModeratableContent>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.kinds = providersByKey<ModeratableContent>(this.discovery, ModeratableKind);
  }

  get(kind: string): ModeratableContent {
    const content = this.kinds.get(canonicalKind(kind));
    if (!content) throw Problems.notFound(`Content of kind ${kind}`);
    return content;
  }

  has(kind: string): boolean {
    return this.kinds.has(canonicalKind(kind));
  }

  async loadOne(manager: EntityManager, kind: string, id: string): Promise<ModeratedText | null> {
    const [found] = await this.get(kind).load(manager, [id]);
    return found ?? null;
  }
}

/** Who may read content in a given state: everyone when visible, otherwise its author and moderators. */
export function canSeeContent(
  state: ContentState,
  authorId: string,
  reader: { userId: string; roles: readonly string[] } | undefined,
): boolean {
  if (state === 'visible') return true;
  if (!reader) return false;
  return reader.userId === authorId || reader.roles.includes('moderator') || reader.roles.includes('admin');
}

/**
 * Sets the moderation state of some rows of a feature's table in one statement and answers the
 * rows changed (their id and the `returning` columns), in the order of `ids`. The edit time stays
 * as it was: moderation is not an edit.
 */
export async function updateStates<Row extends { id: string } = { id: string }>(
  tx: Transaction,
  entity: EntityTarget<ObjectLiteral>,
  ids: readonly string[],
  state: ContentState,
  returning?: string,
): Promise<Row[]> {
  if (ids.length === 0) return [];
  const table = tx.manager.getRepository(entity).metadata.tableName;
  // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
  const [rows] = await tx.manager.query<[Row[], number]>(
    `UPDATE "${table}" SET moderation_state = $2 WHERE id = ANY($1::uuid[]) RETURNING id${returning ? `, ${returning}` : ''}`,
    [ids, state],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
