import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { canonicalKind, type ResourceKind } from '@polity/contracts';
import { providersByKey } from '../discovery/providers-by-key';
import type { Principal } from '../auth/principal';
import { Problems } from '../errors/problem';
import type { Transaction } from '../events/transaction';

/**
 * A feature's resource that people can comment on and follow (`proposals`, later `budgets`,
 * `threads`…). Comments and follows are generic; they ask the owning feature through this
 * interface whether the resource exists, who may contribute, and which room hears about it.
 */
export interface DiscussableResource {
  /** The Socket.IO room that watches this resource, or null if it does not exist (or is not visible). */
  roomFor(id: string, principal: Principal | undefined): Promise<string | null>;
  /**
   * Called inside the contribution's transaction: throws a problem when the resource is missing or
   * closed to new contributions, and takes whatever lock keeps the owner's rules true meanwhile.
   */
  assertOpenForContribution(tx: Transaction, id: string, principal: Principal): Promise<void>;
  /** The title anyone may read (for notifications and links), or null when it is not public. */
  titleOf(id: string): Promise<string | null>;
}

/** Registers a provider as the DiscussableResource of a kind such as `proposals`. */
export const DiscussionOf = DiscoveryService.createDecorator<ResourceKind>();

@Injectable()
export class DiscussableResources implements OnApplicationBootstrap {
  private kinds = new Map<string, DiscussableResource>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.kinds = providersByKey<DiscussableResource>(this.discovery, DiscussionOf);
  }

  get(kind: string): DiscussableResource {
    const resource = this.kinds.get(canonicalKind(kind));
    if (!resource) throw Problems.notFound(`A resource of kind ${kind}`);
    return resource;
  }

  /** The room of an existing, visible resource; 404 otherwise. */
  async roomOf(kind: string, id: string, principal: Principal | undefined): Promise<string> {
    const room = await this.get(kind).roomFor(id, principal);
    if (!room) throw Problems.notFound('That item');
    return room;
  }

  /**
   * Checks that every linked resource exists and that this person may see it; a 422 names the first
   * one that does not, as `<field>.<index>`.
   */
  async assertLinkable(links: readonly { kind: string; id: string }[], principal: Principal, field = 'links'): Promise<void> {
    for (const [index, link] of links.entries()) {
      if ((await this.get(link.kind).roomFor(link.id, principal)) === null) {
        throw Problems.unprocessable('unknown_link', `There is no ${link.kind} ${link.id} you can link to.`, [
          { field: `${field}.${index}`, rule: 'exists', message: `no visible ${link.kind} with this id` },
        ]);
      }
    }
  }

  /** Null when the resource is not public; a kind that has no discussion is a programming error, not silence. */
  titleOf(kind: string, id: string): Promise<string | null> {
    return this.get(kind).titleOf(id);
  }

  /**
   * The titles of the linked resources this person may see, by `<kind>:<id>`: a page lists links
   * with their titles, and leaves out what the reader may not see.
   */
  async visibleTitles(links: readonly { kind: string; id: string }[], principal: Principal | undefined): Promise<Map<string, string>> {
    const unique = [...new Map(links.map((link) => [`${link.kind}:${link.id}`, link])).entries()];
    const titled = await Promise.all(
      unique.map(async ([key, link]): Promise<[string, string | null]> => {
        const visible = await this.get(link.kind)
          .roomFor(link.id, principal)
          .catch(() => null);
        return [key, visible ? await this.titleOf(link.kind, link.id) : null];
      }),
    );
    return new Map(titled.filter((entry): entry is [string, string] => entry[1] !== null));
  }

  /** The rooms that hear about these resources, as anyone may watch them (drafts and hidden items have none). */
  async publicRooms(links: readonly { kind: string; id: string }[]): Promise<string[]> {
    const rooms = await Promise.all(
      links.map((link) => this.kinds.get(canonicalKind(link.kind))?.roomFor(link.id, undefined) ?? Promise.resolve(null)),
    );
    return [...new Set(rooms.filter((room): room is string => room !== null))];
  }
}
