import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MailConfig } from '../config/polity-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Sends mail over SMTP. A failure throws, so the job that sends retries with backoff; each
 * message is its own job, so one bad address never holds up anyone else's mail.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport: Transporter | undefined;

  constructor(private readonly config: MailConfig) {}

  async send(message: MailMessage): Promise<void> {
    this.transport ??= createTransport(this.config.smtpUrl, { from: this.config.from });
    await this.transport.sendMail({ ...message, from: this.config.from });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
