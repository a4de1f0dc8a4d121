import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { RedisConfig } from '../config/polity-config';

export const REDIS = Symbol('REDIS');

/** Injects the shared Redis client, whose keys are already namespaced by REDIS_PREFIX. */
export const InjectRedis = (): ParameterDecorator => Inject(REDIS);

/**
 * Opens Redis connections. The shared client prefixes keys itself; BullMQ and the Socket.IO
 * adapter get unprefixed connections because they namespace keys and channels their own way.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly opened: Redis[] = [];

  constructor(readonly config: RedisConfig) {}

  /**
   * A command issued while Redis is away fails at the first reconnection attempt that fails (within
   * about two seconds), so a request answers 503 promptly instead of waiting for Redis; BullMQ's
   * blocking connections ask for unlimited retries instead.
   */
  open(options: RedisOptions = {}): Redis {
    const client = new Redis(this.config.url, {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      // Reconnect within a second of Redis coming back (ioredis waits up to 2 s by default).
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      ...options,
    });
    // Errors surface through commands and health checks; an unhandled 'error' event would crash the process.
    client.on('error', () => undefined);
    this.opened.push(client);
    return client;
  }

  /** Key prefix for a sub-system, e.g. `polity:bull`. */
  prefix(system: string): string {
    return `${this.config.prefix}:${system}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.opened.map((client) => client.quit()));
  }
}

@Global()
@Module({
  providers: [
    RedisConnections,
    {
      provide: REDIS,
      inject: [RedisConnections],
      useFactory: (connections: RedisConnections) => connections.open({ keyPrefix: `${connections.config.prefix}:` }),
    },
  ],
  exports: [RedisConnections, REDIS],
})
export class RedisModule {}
