import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureHttpApp, ensureDatabaseExists, PolityConfig, runPendingMigrations } from '@polity/platform';
import { RealtimeIoAdapter } from '@polity/realtime';
import { DataSource } from 'typeorm';
import { ApiModule } from './api.module';

/**
 * Builds the api application (not yet listening). main.ts and the end-to-end tests share it, so
 * tests run exactly the pipes, filters, adapter and migrations that production runs.
 */
export async function createApiApp(config: PolityConfig): Promise<NestExpressApplication> {
  if (config.database.createIfMissing) await ensureDatabaseExists(config.database.url);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  configureHttpApp(app, { withApiDocs: true });
  app.useWebSocketAdapter(new RealtimeIoAdapter(app));
  if (config.database.migrateOnStart) await runPendingMigrations(app.get(DataSource));
  return app;
}
