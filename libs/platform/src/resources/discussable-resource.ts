import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
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
}

/** Registers a provider as the DiscussableResource for a URL kind such as `proposals`. */
export const ResourceKind = DiscoveryService.createDecorator<string>();

@Injectable()
export class DiscussableResources implements OnApplicationBootstrap {
  private readonly kinds = new Map<string, DiscussableResource>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: ResourceKind.KEY })) {
      const kind = this.discovery.getMetadataByDecorator(ResourceKind, wrapper);
      if (kind && wrapper.instance) this.kinds.set(kind, wrapper.instance as DiscussableResource);
    }
  }

  get(kind: string): DiscussableResource {
    const resource = this.kinds.get(kind);
    if (!resource) throw Problems.notFound(`A resource of kind ${kind}`);
    return resource;
  }

  /** The room of an existing, visible resource; 404 otherwise. */
  async roomOf(kind: string, id: string, principal: Principal | undefined): Promise<string> {
    const room = await this.get(kind).roomFor(id, principal);
    if (!room) throw Problems.notFound('That item');
    return room;
  }
}
