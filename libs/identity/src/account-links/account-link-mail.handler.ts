import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@polity/contracts';
import { HttpConfig, Mailer } from '@polity/platform';
import { HandlesJob } from '@polity/queue';
import { UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';

interface AccountMail {
  purpose: 'confirm_email' | 'reset_password';
  subject: string;
  intro: string;
  action: string;
  path: string;
  note: string;
}

const CONFIRM: AccountMail = {
  purpose: 'confirm_email',
  subject: 'Confirm your email address for Polity',
  intro: 'Welcome to Polity.',
  action: 'Confirm my address',
  path: 'confirm-email',
  note: 'The link works for 7 days. If you did not create an account, ignore this message.',
};

const RESET: AccountMail = {
  purpose: 'reset_password',
  subject: 'Reset your Polity password',
  intro: 'Someone asked to reset the password of your Polity account.',
  action: 'Choose a new password',
  path: 'reset-password',
  note: 'The link works for one hour, once. If you did not ask for it, ignore this message: your password stays as it is.',
};

const ALREADY_REGISTERED: AccountMail = {
  ...RESET,
  subject: 'You already have a Polity account',
  intro:
    'Someone tried to create a Polity account with this address, which already has one. If it was you, sign in; if you forgot your password, choose a new one.',
  note: 'The link works for one hour, once. If it was not you, ignore this message: nothing changed.',
};

function messageFor(event: JobPayloads['mail.account-link']): AccountMail {
  switch (event.type) {
    case 'account.registration_repeated':
      return ALREADY_REGISTERED;
    case 'account.password_reset_requested':
      return RESET;
    case 'account.link_requested':
      return event.payload.purpose === 'confirm_email' ? CONFIRM : RESET;
  }
}

/**
 * Mails an account link. The link is made here, in the worker, so no token ever sits in the
 * outbox or a job; a retried job mails a fresh link, and an older one still works until used.
 */
@Injectable()
export class AccountLinkMailHandler {
  constructor(
    private readonly users: UsersService,
    private readonly links: AccountLinksService,
    private readonly mailer: Mailer,
    private readonly http: HttpConfig,
  ) {}

  @HandlesJob('mail.account-link')
  async send(event: JobPayloads['mail.account-link']): Promise<{ sent: boolean }> {
    const { userId } = event.payload;
    if (userId === null) return { sent: false };
    const message = messageFor(event);
    const user = await this.users.get(userId).catch(() => null);
    if (!user?.email) return { sent: false };
    const url = `${this.http.publicUrl}/${message.path}?token=${await this.links.issue(userId, message.purpose)}`;
    await this.mailer.send({
      to: user.email,
      subject: message.subject,
      text: `Hello ${user.displayName},\n\n${message.intro}\n\n${message.action}: ${url}\n\n${message.note}\n`,
      html: `<!doctype html><html><body style="font-family:sans-serif"><p>${message.intro}</p><p><a href="${url}">${message.action}</a></p><p style="color:#666">${message.note}</p></body></html>`,
    });
    return { sent: true };
  }
}
