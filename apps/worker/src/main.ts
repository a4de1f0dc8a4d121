import 'reflect-metadata';
import { loadConfigOrExit } from '@polity/platform';
import { createWorkerApp } from './worker.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createWorkerApp(config);
  await app.listen(config.http.workerPort, config.http.host);
}

void main();
