import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { providersByKey } from '../discovery/providers-by-key';
import type { Transaction } from '../events/transaction';

/**
 * Implemented by each feature that holds data about a person, so the GDPR export and erasure
 * cover the whole platform without identity knowing every feature's tables.
 */
export interface PersonalDataSource {
  /** Everything this feature holds about the person, as plain JSON. */
  exportFor(userId: string): Promise<unknown>;
  /** Removes or anonymises it, inside the erasure's transaction; contributions stay, unattributed. */
  eraseFor(userId: string, tx: Transaction): Promise<void>;
}

/** Registers a provider as a personal-data source under a section name in the export. */
export const PersonalData = DiscoveryService.createDecorator<string>();

@Injectable()
export class PersonalDataRegistry implements OnApplicationBootstrap {
  private sources = new Map<string, PersonalDataSource>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    this.sources = providersByKey<PersonalDataSource>(this.discovery, PersonalData);
  }

  async exportFor(userId: string): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const [section, source] of [...this.sources].sort(([a], [b]) => a.localeCompare(b))) {
      sections[section] = await source.exportFor(userId);
    }
    return sections;
  }

  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    for (const source of this.sources.values()) await source.eraseFor(userId, tx);
  }
}
