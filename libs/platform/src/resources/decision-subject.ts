import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { providersByKey } from '../discovery/providers-by-key';
import { canonicalKind, type DecisionSummary, type ResourceKind } from '@polity/contracts';
import type { Transaction } from '../events/transaction';

/**
 * Implemented by a feature whose resources council decisions can concern and which keeps something
 * of them: proposals take the status a decision sets, co-design threads add it to their timeline.
 * The council calls it inside the decision's transaction, so a decision and its effects commit
 * together; features without a provider are simply linked.
 */
export interface DecisionSubject {
  /** A decision (or a correction of one: same `decisionId`, higher `revision`) about resource `id`. */
  applyDecision(tx: Transaction, id: string, decision: DecisionSummary): Promise<void>;
}

/** Registers a provider as the DecisionSubject of a kind such as `proposals`. */
export const DecisionSubjectKind = DiscoveryService.createDecorator<ResourceKind>();

@Injectable()
export class DecisionSubjects implements OnApplicationBootstrap {
  private kinds = new Map<string, DecisionSubject>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.kinds = providersByKey<DecisionSubject>(this.discovery, DecisionSubjectKind);
  }

  async apply(tx: Transaction, links: readonly { kind: string; id: string }[], decision: DecisionSummary): Promise<void> {
    // Linked kinds without a subject (budgets, surveys) are only linked: KIND_REGISTRATIONS says which have one.
    for (const link of links) await this.kinds.get(canonicalKind(link.kind))?.applyDecision(tx, link.id, decision);
  }
}
