import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp } from '@polity/api/api.app';
import { createWorkerApp } from '@polity/worker/worker.app';
import type { PolityConfig } from '@polity/platform';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { testConfig } from './test-config';

export interface RunningApp {
  app: NestExpressApplication;
  config: PolityConfig;
  /** http://127.0.0.1:<port> */
  url: string;
  http: TestAgent;
  close(): Promise<void>;
}

async function listen(app: NestExpressApplication, config: PolityConfig): Promise<RunningApp> {
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, config, url, http: supertest(app.getHttpServer()), close: () => app.close() };
}

/**
 * Boots the real api (same factory as main.ts) on an ephemeral port against the test database.
 * The first one in a run applies the migrations.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = testConfig({ DATABASE_MIGRATE_ON_START: 'true', ...env });
  return listen(await createApiApp(config), config);
}

/** Boots the real worker: every job processor and the outbox relay. */
export async function startTestWorker(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = testConfig(env);
  return listen(await createWorkerApp(config), config);
}

export async function closeAll(...apps: (RunningApp | INestApplication | undefined)[]): Promise<void> {
  await Promise.all(apps.map((app) => (app ? app.close() : Promise.resolve())));
}
