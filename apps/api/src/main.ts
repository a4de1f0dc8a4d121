import 'reflect-metadata';
import { loadConfigOrExit, PolityLogger } from '@polity/platform';
import { createApiApp } from './api.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.http.apiPort, config.http.host);
  const local = `http://localhost:${config.http.apiPort}`;
  app.get(PolityLogger).log(`Polity api listening on ${local} (REST at /api/v1, docs at ${local}/api/docs)`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // Boot failures (database unreachable, a job without a handler) end the process with the cause.
  console.error('polity api failed to start:', error);
  process.exit(1);
});
