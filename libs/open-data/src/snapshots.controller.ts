import { Controller, Get, Headers, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OpenDataSnapshotView } from '@polity/contracts';
import { CurrentPrincipal, type Principal, Public, RequireRoles } from '@polity/platform';
import { IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { type SnapshotDownload, SnapshotsService } from './snapshots.service';

class SnapshotRefParamsDto {
  @IsString()
  @Matches(/^(latest|[0-9a-f-]{36})$/)
  ref: string;
}

class SnapshotFileParamsDto extends SnapshotRefParamsDto {
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,120}$/)
  name: string;
}

/** Open data is public and cacheable; files carry their SHA-256 as ETag. */
@ApiTags('open data')
@Controller()
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  /** Lists the published open-data snapshots, newest first. */
  @Public()
  @Get('open-data/snapshots')
  list(): Promise<OpenDataSnapshotView[]> {
    return this.snapshots.list(false);
  }

  /** Reads a snapshot's datapackage.json (`latest` or an id); the ETag is its SHA-256. */
  @Public()
  @Get('open-data/snapshots/:ref/datapackage.json')
  async descriptor(
    @Param() params: SnapshotRefParamsDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return serve(await this.snapshots.descriptor(params.ref), params.ref, ifNoneMatch, response);
  }

  /** Downloads one file a snapshot lists, or package.zip. */
  @Public()
  @Get('open-data/snapshots/:ref/files/:name')
  async file(
    @Param() params: SnapshotFileParamsDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile | undefined> {
    return serve(await this.snapshots.download(params.ref, params.name), params.ref, ifNoneMatch, response);
  }

  /** Lists every open-data snapshot, building and failed ones too. Admins only. */
  @ApiBearerAuth()
  @RequireRoles('admin')
  @Get('admin/open-data/snapshots')
  all(): Promise<OpenDataSnapshotView[]> {
    return this.snapshots.list(true);
  }

  /** Builds a snapshot now; progress arrives in the `open-data` room. */
  @ApiBearerAuth()
  @RequireRoles('admin')
  @Post('admin/open-data/snapshots')
  @HttpCode(202)
  request(@CurrentPrincipal() principal: Principal): Promise<OpenDataSnapshotView> {
    return this.snapshots.request(principal);
  }
}

function serve(file: SnapshotDownload, ref: string, ifNoneMatch: string | undefined, response: Response): StreamableFile | undefined {
  const etag = `"${file.sha256}"`;
  // A snapshot's files never change; `latest` moves on, so it is cached briefly.
  response.setHeader('Cache-Control', ref === 'latest' ? 'public, max-age=300' : 'public, max-age=31536000, immutable');
  response.setHeader('ETag', etag);
  if (ifNoneMatch === etag) {
    file.stream.destroy();
    response.status(304);
    return undefined;
  }
  response.setHeader('Content-Type', file.mediaType);
  return new StreamableFile(file.stream, { length: file.bytes });
}
