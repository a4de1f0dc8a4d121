import 'reflect-metadata';
import { loadConfigOrExit, PolityLogger } from '@polity/platform';
import { createWorkerApp } from './worker.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorkerApp(config);
  await app.listen(config.http.workerPort, config.http.host);
  const health = `http://localhost:${config.http.workerPort}/health/ready`;
  app.get(PolityLogger).log(`Polity worker processing jobs (health at ${health})`, 'Bootstrap');
}

main().catch((error: unknown) => {
  // Boot failures (database unreachable, a job without a handler) end the process with the cause.
  console.error('polity worker failed to start:', error);
  process.exit(1);
});
