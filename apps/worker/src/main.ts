import 'reflect-metadata';
import { loadConfigOrExit } from '@polity/platform';
import { createWorkerApp } from './worker.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorkerApp(config);
  await app.listen(config.http.workerPort, config.http.host);
}

main().catch((error: unknown) => {
  // Boot failures (database unreachable, a job without a handler) end the process with the cause.
  console.error('polity worker failed to start:', error);
  process.exit(1);
});
