import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../errors/problem';
import { GracefulShutdown } from '../http/graceful-shutdown';
import { InjectRedis } from '../redis/redis.module';

/** Liveness (the process answers) and readiness (PostgreSQL and Redis answer), for api and worker. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectRedis() private readonly redis: Redis,
    private readonly shutdown: GracefulShutdown,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis answer (503 otherwise). */
  @Get('ready')
  async ready(): Promise<unknown> {
    if (this.shutdown.draining) throw this.stopping();
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgres').withTimeout(2000),
        () =>
          this.indicators
            .check('redis')
            .attempt(async () => {
              await this.redis.ping();
            })
            .withTimeout(2000),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // A check that failed because the instance began stopping meanwhile says so.
      if (this.shutdown.draining) throw this.stopping();
      throw new ProblemException({
        status: 503,
        code: 'not_ready',
        detail: 'A dependency is not answering.',
        extensions: { checks: error.getResponse() },
      });
    }
  }

  private stopping(): ProblemException {
    return new ProblemException({ status: 503, code: 'shutting_down', detail: 'This instance is stopping; send requests to another.' });
  }
}
