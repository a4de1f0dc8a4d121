import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { SnapshotFileView } from '@polity/contracts';
import {
  CrlfLines,
  csvField,
  ErasedAccounts,
  HttpConfig,
  type OpenDataField,
  OpenDataConfig,
  OpenDataPublishers,
  type OpenDataTable,
  Pseudonyms,
} from '@polity/platform';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { HashingFile } from './hashing-file';
import { PackageZip } from './package-zip';
import { TableCopy } from './table-copy';

export const DESCRIPTOR = 'datapackage.json';

type Written = SnapshotFileView & { resource: Record<string, unknown> };

/**
 * Builds one Frictionless Data Package into a folder: a CSV per table every feature publishes,
 * their extra files, `datapackage.json` describing them all (with SHA-256 and sizes), and a zip of
 * the whole. Tables are written by PostgreSQL's `COPY` (see TableCopy) inside one REPEATABLE READ
 * transaction, so the files agree with each other and memory stays bounded by a chunk.
 */
@Injectable()
export class SnapshotBuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publishers: OpenDataPublishers,
    private readonly pseudonyms: Pseudonyms,
    private readonly config: OpenDataConfig,
    private readonly http: HttpConfig,
    private readonly erasedAccounts: ErasedAccounts,
  ) {}

  async build(
    snapshotId: string,
    folder: string,
    onProgress: (done: number, total: number) => Promise<void>,
  ): Promise<{ files: SnapshotFileView[]; zip: SnapshotFileView }> {
    const publishers = this.publishers.all();
    const tables = publishers.flatMap((publisher) => publisher.tables());
    const total = tables.length + 2;
    const written: Written[] = [];
    const zip = new PackageZip(folder);
    try {
      const erased = await this.erasedAccounts.all();
      const runner = this.dataSource.createQueryRunner();
      const client = (await runner.connect()) as PoolClient;
      try {
        await runner.startTransaction('REPEATABLE READ');
        const copy = new TableCopy(client, this.pseudonyms, erased);
        await copy.prepare();
        for (const table of tables) {
          written.push(await this.writeTable(client, copy, table, folder, erased));
          zip.add(written[written.length - 1].name);
          await onProgress(written.length, total);
        }
        await runner.commitTransaction();
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      for (const publisher of publishers) {
        for (const file of (await publisher.files?.()) ?? []) {
          const out = new HashingFile(join(folder, file.name));
          await out.write(file.content);
          const { bytes, sha256 } = await out.close();
          written.push({
            name: file.name,
            bytes,
            sha256,
            resource: {
              name: file.name.replace(/\.[^.]+$/, ''),
              path: file.name,
              title: file.title,
              format: file.format,
              mediatype: file.mediatype,
              encoding: 'utf-8',
            },
          });
          zip.add(file.name);
        }
      }
    } catch (error) {
      zip.abandon();
      throw error;
    }
    const descriptor = new HashingFile(join(folder, DESCRIPTOR));
    await descriptor.write(`${JSON.stringify(this.descriptor(snapshotId, written), null, 2)}\n`);
    const files = [
      { name: DESCRIPTOR, ...(await descriptor.close()) },
      ...written.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
    ];
    zip.add(DESCRIPTOR);
    await onProgress(total - 1, total);
    const zipped = await zip.finish();
    await onProgress(total, total);
    return { files, zip: zipped };
  }

  private async writeTable(
    client: PoolClient,
    copy: TableCopy,
    table: OpenDataTable,
    folder: string,
    erased: Set<string>,
  ): Promise<Written> {
    const name = `${table.name}.csv`;
    const out = new HashingFile(join(folder, name));
    await out.write(`${table.fields.map((field) => csvField(field.name)).join(',')}\r\n`);
    if (table.sql) {
      const lines = new CrlfLines();
      for await (const chunk of client.query(copyTo(await copy.statement({ ...table, sql: table.sql }))))
        await out.write(lines.convert(chunk as Buffer));
    } else if (table.rows) {
      // Rows a feature computes (aggregates with suppression): few, written here.
      let chunk = '';
      for await (const row of table.rows()) {
        chunk += `${table.fields.map((field) => csvField(this.cell(field, row[field.name], erased))).join(',')}\r\n`;
        if (chunk.length >= 65_536) {
          await out.write(chunk);
          chunk = '';
        }
      }
      await out.write(chunk);
    }
    const { bytes, sha256 } = await out.close();
    return {
      name,
      bytes,
      sha256,
      resource: {
        name: table.name,
        path: name,
        profile: 'tabular-data-resource',
        title: table.title,
        description: table.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: table.fields.map((field) => ({ name: field.name, type: field.type, description: field.description })),
          missingValues: [''],
          ...(table.primaryKey && { primaryKey: table.primaryKey }),
        },
      },
    };
  }

  /**
   * A value as its CSV text: people's ids only as pseudonyms (none at all for an erased account, so
   * nothing groups what it wrote), times in UTC ISO 8601 as Table Schema reads them, JSON for objects.
   */
  private cell(field: OpenDataField, value: unknown, erased: Set<string>): string {
    if (value === null || value === undefined) return '';
    if (field.pseudonym && typeof value === 'string' && erased.has(value)) return '';
    if (value instanceof Date) return tableSchemaTime(field, value);
    const text =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? `${value}` : null;
    if (field.pseudonym) return this.pseudonyms.of(field.pseudonym, text ?? JSON.stringify(value));
    return field.type === 'object' || text === null ? JSON.stringify(value) : text;
  }

  private descriptor(snapshotId: string, written: Written[]): Record<string, unknown> {
    return {
      profile: 'data-package',
      name: 'polity-open-data',
      id: snapshotId,
      title: 'Polity open data',
      description:
        'What residents, civil servants and the council did on this Polity platform: proposals, comments, budgets and their ballots and outcomes, survey results, co-design threads, council meetings and decisions, and the public moderation log. People appear only as stable pseudonyms.',
      licenses: [{ name: this.config.license, path: `https://spdx.org/licenses/${this.config.license}.html`, title: this.config.license }],
      created: new Date().toISOString(),
      sources: [{ title: 'Polity', path: this.http.publicUrl }],
      resources: written.map(({ bytes, sha256, resource }) => ({ ...resource, bytes, hash: `sha256:${sha256}` })),
    };
  }
}

/**
 * A time in Table Schema's default form for its field's type: `2024-03-31T08:00:00Z` for a datetime
 * (the default format takes no fractions of a second, so validators refuse JavaScript's `.000Z`),
 * `2024-03-31` for a date.
 */
function tableSchemaTime(field: OpenDataField, value: Date): string {
  const iso = value.toISOString();
  if (field.type === 'date') return iso.slice(0, 10);
  return `${iso.slice(0, 19)}Z`;
}
