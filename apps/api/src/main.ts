import 'reflect-metadata';
import { loadConfigOrExit } from '@polity/platform';
import { createApiApp } from './api.app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.http.apiPort, config.http.host);
}

void main();
