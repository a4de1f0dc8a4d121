import { newestDroppedMail, type PolityConfig } from '@polity/platform';

/** `npm run mail:last`: what a developer without a mail server reads instead of an inbox. */
export async function printNewestMail(config: PolityConfig, linksOnly: boolean): Promise<void> {
  if (config.mail.smtpUrl) throw new Error(`SMTP_URL is set: mail goes to ${new URL(config.mail.smtpUrl).host}, not to a folder`);
  const mail = await newestDroppedMail(config.mail.dropFolder);
  if (!mail) throw new Error(`No message in ${config.mail.dropFolder} yet`);
  if (linksOnly) {
    process.stdout.write(mail.links.map((link) => `${link}\n`).join(''));
    return;
  }
  process.stdout.write(
    `To:      ${mail.to}\nSubject: ${mail.subject}\nDate:    ${mail.date}\nFile:    ${config.mail.dropFolder}/${mail.file}\n\n${mail.text.trim()}\n`,
  );
}
