import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { QueueName } from '@polity/contracts';
import {
  CurrentPrincipal,
  decodeCursor,
  encodeCursor,
  Page,
  PageQueryDto,
  Principal,
  Problems,
  recordAudit,
  RequireRoles,
  UnitOfWork,
} from '@polity/platform';
import { IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Job } from 'bullmq';
import { JobQueue } from './job-queue';

const INSPECTABLE_STATES = ['failed', 'delayed', 'waiting', 'active', 'completed'] as const;
type InspectableState = (typeof INSPECTABLE_STATES)[number];

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

export interface JobView {
  id: string | undefined;
  name: string;
  queue: string;
  attemptsMade: number;
  failedReason: string | undefined;
  createdAt: string;
  finishedAt: string | null;
  data: unknown;
}

const present = (queue: QueueName, job: Job): JobView => ({
  id: job.id,
  name: job.name,
  queue,
  attemptsMade: job.attemptsMade,
  failedReason: job.failedReason,
  createdAt: new Date(job.timestamp).toISOString(),
  finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  // Job payloads carry ids and public facts only (see contracts), so admins may see them.
  data: job.data,
});

/** Lets admins see failed (or waiting, delayed…) jobs and retry one after fixing its cause. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/jobs')
export class AdminJobsController {
  constructor(
    private readonly jobs: JobQueue,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Lists jobs of one queue in one state (failed by default), newest first. Admins only; 400 for an unknown queue
   * or state.
   */
  @Get()
  async list(@Query() query: JobListQueryDto): Promise<Page<JobView>> {
    const [offset] = (decodeCursor(query.cursor, ['int']) ?? [0]) as [number];
    if (offset < 0) throw Problems.badRequest('invalid_cursor', 'The cursor is not one this endpoint issued; start again without it.');
    const found = await this.jobs.queue(query.queue).getJobs([query.state], offset, offset + query.limit);
    const served = found.slice(0, query.limit);
    return {
      items: served.map((job) => present(query.queue, job)),
      nextCursor: found.length > query.limit ? encodeCursor([offset + query.limit]) : null,
    };
  }

  /** Retries a failed job. Admins only; 404 when the job is gone, 409 when it is not failed. Audited. */
  @Post(':queue/:id/retry')
  @HttpCode(202)
  async retry(@CurrentPrincipal() principal: Principal, @Param() params: JobRefParamsDto): Promise<JobView> {
    const job = await this.jobs.queue(params.queue).getJob(params.id);
    if (!job) throw Problems.notFound('That job');
    if (!(await job.isFailed())) throw Problems.conflict('job_not_failed', 'Only failed jobs can be retried.');
    // The audit row commits only if the retry went through.
    await this.unitOfWork.run(async (tx) => {
      await recordAudit(tx, {
        actorId: principal.userId,
        action: 'job.retried',
        target: { kind: 'job', id: `${params.queue}:${params.id}` },
        before: { attemptsMade: job.attemptsMade },
      });
      await job.retry('failed');
    });
    return present(params.queue, job);
  }
}
