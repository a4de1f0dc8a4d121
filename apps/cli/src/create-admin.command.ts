import { createInterface } from 'node:readline/promises';
import { NestFactory } from '@nestjs/core';
import { AdminAccountsService } from '@polity/identity';
import type { PolityConfig } from '@polity/platform';
import { CliModule } from './cli.module';
import { migrate } from './migration-commands';

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  // Asked only at a terminal; a password piped in (`echo … | npm run create-admin …`) is read silently.
  const prompt = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: false });
  try {
    return (await prompt.question('Password for the admin account (10+ characters): ')).trim();
  } finally {
    prompt.close();
  }
}

const OUTCOMES = {
  created: 'Admin account created; sign in with this address and the password you gave.',
  taken_over: 'An ordinary account already used this address. It now has the password you gave, its sessions have ended, and it is admin.',
  unchanged: 'This address is already an admin; its password was left as it was (reset it by mail if you need to).',
} as const;

/** `create-admin <email> [display name]`: creates the operator's admin account, or takes over the address (see ensureAdmin). */
export async function createAdmin(config: PolityConfig, email: string | undefined, displayName: string | undefined): Promise<void> {
  if (!email || !email.includes('@')) throw new Error('usage: create-admin <email> [display name]');
  const password = await readPassword();
  if (password.length < 10) throw new Error('The password must have at least 10 characters.');
  await migrate(config);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const outcome = await app.get(AdminAccountsService).ensureAdmin(email, password, displayName);
    console.log(OUTCOMES[outcome]);
  } finally {
    await app.close();
  }
}
