import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { providersByKey } from '../discovery/providers-by-key';

/** Frictionless Table Schema field types Polity publishes. */
export type OpenDataFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'date' | 'object';

export interface OpenDataField {
  name: string;
  type: OpenDataFieldType;
  description: string;
  /** The column holds a person's id: it is published only as a keyed pseudonym of this scope. */
  pseudonym?: string;
}

/**
 * One published table. Its rows come from `sql` (read through a cursor inside the snapshot's one
 * REPEATABLE READ transaction, columns named and ordered as `fields`) or from `rows`, for data a
 * feature computes (aggregates with suppression). Only public facts belong here: no emails, no
 * hidden or unpublished content, no census data.
 */
export interface OpenDataTable {
  name: string;
  title: string;
  description: string;
  fields: OpenDataField[];
  primaryKey?: string[];
  sql?: string;
  rows?: () => AsyncIterable<Record<string, unknown>>;
  /**
   * Leaves out rows whose subject is not public, e.g. comments on a hidden proposal: `subject` is an
   * SQL expression over the row's columns (as `t`), and `hidden` is asked once, with every distinct
   * subject, which of them to leave out.
   */
  hiddenSubjects?: { subject: string; hidden: (subjects: string[]) => Promise<string[]> };
}

/** A non-tabular file of the package, e.g. a budget's Pabulib `.pb`. */
export interface OpenDataFile {
  name: string;
  title: string;
  mediatype: string;
  format: string;
  content: string;
}

/** Implemented by each feature that publishes open data; it owns what it publishes and how. */
export interface OpenDataPublisher {
  tables(): OpenDataTable[];
  files?(): Promise<OpenDataFile[]>;
}

/** Registers a provider as an open-data publisher under a section name. */
export const OpenDataSource = DiscoveryService.createDecorator<string>();

@Injectable()
export class OpenDataPublishers implements OnApplicationBootstrap {
  private publishers: OpenDataPublisher[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const bySection = providersByKey<OpenDataPublisher>(this.discovery, OpenDataSource);
    this.publishers = [...bySection.keys()].sort().map((section) => bySection.get(section) as OpenDataPublisher);
  }

  all(): OpenDataPublisher[] {
    return this.publishers;
  }
}
