import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { PolityConfig } from '@polity/platform';
import { GracefulShutdown, PolityLogger } from '@polity/platform';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker: an HTTP server for health checks only, and every job processor. It never
 * migrates; it expects the api (or `npm run db:migrate`) to have done so.
 */
export async function createWorkerApp(config: PolityConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PolityLogger));
  app.flushLogs();
  app.use(app.get(GracefulShutdown).track);
  app.enableShutdownHooks();
  return app;
}
