import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { QueueName } from '@polity/contracts';
import { CurrentPrincipal, Page, PageQueryDto, Principal, RequireRoles } from '@polity/platform';
import { IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AdminJobs, INSPECTABLE_STATES, type InspectableState, type JobView } from './admin-jobs';

export class JobListQueryDto extends PageQueryDto {
  @ApiProperty({ enum: QueueName })
  @IsEnum(QueueName)
  queue: QueueName;

  @ApiPropertyOptional({ enum: INSPECTABLE_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(INSPECTABLE_STATES)
  state: InspectableState = 'failed';
}

export class JobRefParamsDto {
  @IsEnum(QueueName)
  queue: QueueName;

  @IsString()
  @MaxLength(200)
  id: string;
}

/** Lets admins see failed (or waiting, delayed…) jobs and retry one after fixing its cause. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(private readonly jobs: AdminJobs) {}

  /**
   * Lists jobs of one queue in one state (failed by default), newest first. Admins only; 400 for an unknown queue
   * or state.
   */
  @Get()
  list(@Query() query: JobListQueryDto): Promise<Page<JobView>> {
    return this.jobs.list(query.queue, query.state, query.limit, query.cursor);
  }

  /** Retries a failed job. Admins only; 404 when the job is gone, 409 when it is not failed. Audited. */
  @Post(':queue/:id/retry')
  @HttpCode(202)
  retry(@CurrentPrincipal() principal: Principal, @Param() params: JobRefParamsDto): Promise<JobView> {
    return this.jobs.retry(principal, params.queue, params.id);
  }
}
