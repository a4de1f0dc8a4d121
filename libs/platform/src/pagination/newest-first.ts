import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, Page, toPage } from './cursor';
import { PageQueryDto } from './page-query.dto';

/** A page of a log, optionally within a time window. */
export class TimeWindowPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive)' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Until this instant (exclusive)' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

/**
 * Reads a page of an append-only log newest first, keyed on (timestamp, id): the window and the
 * cursor are applied to the given builder, which already holds the log's own filters.
 */
export async function newestFirstPage<Row extends ObjectLiteral & { id: string }>(
  builder: SelectQueryBuilder<Row>,
  column: string,
  timeOf: (row: Row) => Date,
  query: TimeWindowPageQueryDto,
): Promise<Page<Row>> {
  const alias = builder.alias;
  if (query.from) builder.andWhere(`${alias}.${column} >= :windowFrom`, { windowFrom: query.from });
  if (query.to) builder.andWhere(`${alias}.${column} < :windowTo`, { windowTo: query.to });
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  if (after)
    builder.andWhere(`(${alias}.${column}, ${alias}.id) < (:afterAt::timestamptz, :afterId::uuid)`, {
      afterAt: after[0],
      afterId: after[1],
    });
  const rows = await builder
    .orderBy(`${alias}.${column}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(query.limit + 1)
    .getMany();
  return toPage(
    rows,
    query.limit,
    (row) => [timeOf(row).toISOString(), row.id],
    (row) => row,
  );
}
