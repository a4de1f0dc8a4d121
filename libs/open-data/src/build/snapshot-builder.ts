import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { SnapshotFileView } from '@polity/contracts';
import {
  csvField,
  ErasedAccounts,
  HttpConfig,
  type OpenDataField,
  OpenDataConfig,
  OpenDataPublishers,
  type OpenDataTable,
  Pseudonyms,
} from '@polity/platform';
import { DataSource, type QueryRunner } from 'typeorm';
import { ZipFile } from 'yazl';
import { HashingFile } from './hashing-file';

const BATCH = 5000;
export const DESCRIPTOR = 'datapackage.json';
export const ZIP_NAME = 'package.zip';

type Written = SnapshotFileView & { resource: Record<string, unknown> };

/**
 * Builds one Frictionless Data Package into a folder: a CSV per table every feature publishes,
 * their extra files, `datapackage.json` describing them all (with SHA-256 and sizes), and a zip of
 * the whole. Tables are read through cursors inside one REPEATABLE READ transaction, so the files
 * agree with each other and memory stays bounded by a batch.
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
    const erased = await this.erasedAccounts.all();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      for (const [index, table] of tables.entries()) {
        written.push(await this.writeTable(runner, table, index, folder, erased));
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
      }
    }
    const descriptor = new HashingFile(join(folder, DESCRIPTOR));
    await descriptor.write(`${JSON.stringify(this.descriptor(snapshotId, written), null, 2)}\n`);
    const files = [
      { name: DESCRIPTOR, ...(await descriptor.close()) },
      ...written.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
    ];
    await onProgress(total - 1, total);
    const zip = await this.zip(
      folder,
      files.map((file) => file.name),
    );
    await onProgress(total, total);
    return { files, zip };
  }

  private async writeTable(
    runner: QueryRunner,
    table: OpenDataTable,
    index: number,
    folder: string,
    erased: Set<string>,
  ): Promise<Written> {
    const name = `${table.name}.csv`;
    const out = new HashingFile(join(folder, name));
    await out.write(`${table.fields.map((field) => csvField(field.name)).join(',')}\r\n`);
    const writeRows = async (rows: Record<string, unknown>[]) => {
      // Asked for the whole batch at once: a filter that looks things up does them side by side.
      const keep = table.keep;
      const kept = keep ? await Promise.all(rows.map(async (row) => keep(row))) : null;
      let chunk = '';
      for (const [index, row] of rows.entries()) {
        if (kept && !kept[index]) continue;
        chunk += `${table.fields.map((field) => csvField(this.cell(field, row[field.name], erased))).join(',')}\r\n`;
      }
      await out.write(chunk);
    };
    if (table.sql) {
      const cursor = `open_data_${index}`;
      await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${table.sql}`);
      const fetchBatch = () => runner.query(`FETCH ${BATCH} FROM ${cursor}`) as Promise<Record<string, unknown>[]>;
      // The next batch is asked for before this one is written, so PostgreSQL reads while Node writes.
      let next = fetchBatch();
      try {
        for (;;) {
          const batch = await next;
          if (batch.length === 0) break;
          next = fetchBatch();
          await writeRows(batch);
        }
      } finally {
        await next.catch(() => undefined);
      }
      await runner.query(`CLOSE ${cursor}`);
    } else if (table.rows) {
      let batch: Record<string, unknown>[] = [];
      for await (const row of table.rows()) {
        batch.push(row);
        if (batch.length === BATCH) {
          await writeRows(batch);
          batch = [];
        }
      }
      await writeRows(batch);
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

  private async zip(folder: string, names: string[]): Promise<SnapshotFileView> {
    const zip = new ZipFile();
    for (const name of names) zip.addReadStream(createReadStream(join(folder, name)), name);
    zip.end();
    const out = new HashingFile(join(folder, ZIP_NAME));
    for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) await out.write(chunk);
    return { name: ZIP_NAME, ...(await out.close()) };
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
