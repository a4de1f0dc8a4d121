import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@polity/contracts';
import { HttpConfig, Mailer, SiteConfig } from '@polity/platform';
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

type MailLocale = 'en' | 'fr';
type Texts = Omit<AccountMail, 'purpose' | 'path'>;

const GREETING: Record<MailLocale, string> = { en: 'Hello', fr: 'Bonjour' };

const CONFIRM_TEXT: Record<MailLocale, Texts> = {
  en: {
    subject: 'Confirm your email address for {site}',
    intro: 'Welcome to {site}.',
    action: 'Confirm my address',
    note: 'The link works for 7 days. If you did not create an account, ignore this message.',
  },
  fr: {
    subject: 'Confirmez votre adresse e-mail pour {site}',
    intro: 'Bienvenue sur {site}.',
    action: 'Confirmer mon adresse',
    note: 'Le lien fonctionne 7 jours. Si vous n’avez pas créé de compte, ignorez ce message.',
  },
};

const RESET_TEXT: Record<MailLocale, Texts> = {
  en: {
    subject: 'Reset your {site} password',
    intro: 'Someone asked to reset the password of your {site} account.',
    action: 'Choose a new password',
    note: 'The link works for one hour, once. If you did not ask for it, ignore this message: your password stays as it is.',
  },
  fr: {
    subject: 'Réinitialisez votre mot de passe {site}',
    intro: 'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte {site}.',
    action: 'Choisir un nouveau mot de passe',
    note: 'Le lien fonctionne une heure, une seule fois. Si vous ne l’avez pas demandé, ignorez ce message : votre mot de passe ne change pas.',
  },
};

const ALREADY_REGISTERED_TEXT: Record<MailLocale, Texts> = {
  en: {
    subject: 'You already have a {site} account',
    intro:
      'Someone tried to create a {site} account with this address, which already has one. If it was you, sign in; if you forgot your password, choose a new one.',
    action: RESET_TEXT.en.action,
    note: 'The link works for one hour, once. If it was not you, ignore this message: nothing changed.',
  },
  fr: {
    subject: 'Vous avez déjà un compte {site}',
    intro:
      'Quelqu’un a voulu créer un compte {site} avec cette adresse, qui en a déjà un. Si c’était vous, connectez-vous ; si vous avez oublié votre mot de passe, choisissez-en un nouveau.',
    action: RESET_TEXT.fr.action,
    note: 'Le lien fonctionne une heure, une seule fois. Si ce n’était pas vous, ignorez ce message : rien n’a changé.',
  },
};

/** The mail for this event, in the recipient's language, naming the site. */
function messageFor(event: JobPayloads['mail.account-link'], locale: MailLocale, site: string): AccountMail {
  const confirm = event.type === 'account.link_requested' && event.payload.purpose === 'confirm_email';
  const texts = confirm ? CONFIRM_TEXT : event.type === 'account.registration_repeated' ? ALREADY_REGISTERED_TEXT : RESET_TEXT;
  const named = Object.fromEntries(Object.entries(texts[locale]).map(([key, text]) => [key, text.replaceAll('{site}', site)])) as Texts;
  return confirm
    ? { ...named, purpose: 'confirm_email', path: 'confirm-email' }
    : { ...named, purpose: 'reset_password', path: 'reset-password' };
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
    private readonly site: SiteConfig,
  ) {}

  @HandlesJob('mail.account-link')
  async send(event: JobPayloads['mail.account-link']): Promise<{ sent: boolean }> {
    const { userId } = event.payload;
    if (userId === null) return { sent: false };
    const user = await this.users.get(userId).catch(() => null);
    if (!user?.email) return { sent: false };
    const locale = user.locale ?? this.site.defaultLocale;
    const message = messageFor(event, locale, this.site.name);
    const url = `${this.http.publicUrl}/${message.path}?token=${await this.links.issue(userId, message.purpose)}`;
    await this.mailer.send({
      to: user.email,
      subject: message.subject,
      text: `${GREETING[locale]} ${user.displayName},\n\n${message.intro}\n\n${message.action}: ${url}\n\n${message.note}\n`,
      html: `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif"><p>${message.intro}</p><p><a href="${url}">${message.action}</a></p><p style="color:#666">${message.note}</p></body></html>`,
    });
    return { sent: true };
  }
}
