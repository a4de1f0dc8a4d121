import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MailConfig } from '../config/polity-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /**
   * A Message-ID fixed by what the message is about (`<notification-…@host>`): sent twice (a worker
   * died between the send and its record), it is one message to mail software that deduplicates.
   */
  messageId?: string;
}

/**
 * A few connections kept open and reused: a connection (and its TLS handshake) per message made a
 * busy evening's notifications queue up behind the mail server. `?pool=false` in SMTP_URL opts out.
 */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}

/**
 * Sends mail over SMTP. A failure throws, so the job that sends retries with backoff; each
 * message is its own job, so one bad address never holds up anyone else's mail.
 *
 * Without an SMTP server (a fresh `npm start`) each message is written whole as an `.eml` file
 * into the drop folder instead, so confirmation and reset links can still be followed locally.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private transport: Transporter | undefined;

  constructor(private readonly config: MailConfig) {}

  async send(message: MailMessage): Promise<void> {
    const { smtpUrl, from } = this.config;
    this.transport ??= smtpUrl ? createTransport(pooled(smtpUrl), { from }) : createTransport({ streamTransport: true, buffer: true });
    // A subject is one header line: any line break or control character in a title becomes a space.
    // eslint-disable-next-line no-control-regex
    const subject = message.subject.replace(/[\u0000-\u001F\u007F]+/g, ' ');
    const sent = (await this.transport.sendMail({ ...message, subject, from })) as { message?: Buffer };
    if (!smtpUrl && sent.message) await this.drop(sent.message);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  /** Written beside, then renamed, so a reader of the folder never sees half a message. */
  private async drop(raw: Buffer): Promise<void> {
    const folder = this.config.dropFolder;
    await mkdir(folder, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
    await writeFile(join(folder, `.${name}`), raw);
    await rename(join(folder, `.${name}`), join(folder, name));
    this.logger.log({ file: name }, `No SMTP_URL: message written to ${folder}`);
  }
}
