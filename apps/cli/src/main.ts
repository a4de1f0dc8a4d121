import 'reflect-metadata';
import { loadConfigOrExit } from '@polity/platform';
import { printNewestMail } from './mail-last.command';
import { createAdmin } from './create-admin.command';
import { seedDemo } from './seed-demo.command';
import { checkDrift, generateMigration, migrate } from './migration-commands';

const USAGE = `polity <command>
  migrate                                    create the database if needed and apply pending migrations
  migration:check                            fail if the entities need SQL no migration provides
  migration:generate <library> <Name>        write that SQL as a new migration of <library>
  create-admin <email> [display name]        create an admin (password from ADMIN_PASSWORD or stdin)
  seed:demo                                  add example residents, proposals and comments (refused in production)
  mail:last [--to <address>] [--links]       print the newest message of the mail drop folder, decoded
                                             (--to: the newest to that address, waiting for it a little;
                                             --links: only its links, one per line)`;

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfigOrExit();
  switch (command) {
    case 'migrate':
      return migrate(config);
    case 'migration:check':
      return checkDrift(config);
    case 'migration:generate':
      return generateMigration(config, args[0] ?? '', args[1] ?? '');
    case 'create-admin':
      return createAdmin(config, args[0], args.slice(1).join(' ') || undefined);
    case 'seed:demo':
      return seedDemo(config);
    case 'mail:last':
      return printNewestMail(config, args);
    default:
      console.log(USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
