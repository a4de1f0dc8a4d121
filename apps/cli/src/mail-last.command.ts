import { setTimeout as sleep } from 'node:timers/promises';
import { newestDroppedMail, type PolityConfig } from '@polity/platform';

/** How long `--to` waits for a message the worker has not written yet. */
const WAIT_MS = 15_000;

/**
 * `npm run mail:last`: what a developer without a mail server reads instead of an inbox. With
 * `--to <address>` it is the newest message to that address, waited for a little: the worker mails
 * a moment after the request that caused it.
 */
export async function printNewestMail(config: PolityConfig, args: string[]): Promise<void> {
  if (config.mail.smtpUrl) throw new Error(`SMTP_URL is set: mail goes to ${new URL(config.mail.smtpUrl).host}, not to a folder`);
  const toIndex = args.indexOf('--to');
  const to = toIndex >= 0 ? args[toIndex + 1] : undefined;
  const since = Date.now();
  let mail = await newestDroppedMail(config.mail.dropFolder, to);
  while (!mail && to !== undefined && Date.now() - since < WAIT_MS) {
    await sleep(200);
    mail = await newestDroppedMail(config.mail.dropFolder, to);
  }
  if (!mail) throw new Error(`No message${to ? ` to ${to}` : ''} in ${config.mail.dropFolder}`);
  if (args.includes('--links')) {
    process.stdout.write(mail.links.map((link) => `${link}\n`).join(''));
    return;
  }
  process.stdout.write(
    `To:      ${mail.to}\nSubject: ${mail.subject}\nDate:    ${mail.date}\nFile:    ${config.mail.dropFolder}/${mail.file}\n\n${mail.text.trim()}\n`,
  );
}
