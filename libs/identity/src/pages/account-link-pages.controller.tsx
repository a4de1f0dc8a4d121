import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthRateLimit, ProblemException, Public, SiteConfig } from '@polity/platform';
import { formText, HTML, MessagePage, pageTranslator, renderPage, Translator, Web, type WebRequest } from '@polity/web';
import type { Response } from 'express';
import { AuthService } from '../auth/auth.service';
import { ACCOUNT_MESSAGES } from './account.messages';
import { ConfirmEmailPage, ForgotPasswordPage, ResetPasswordPage } from './account-link.pages';

const tokenOf = (value: unknown): string => formText(value, 200);

/**
 * The site's pages for an account's emailed links (confirm the address, choose a new password)
 * and for asking for the second. Opening a link changes nothing; only posting its form spends it.
 */
@ApiExcludeController()
@Public()
@Controller()
export class AccountLinkSitePagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly site: SiteConfig,
  ) {}

  @Get('forgot-password')
  @Header('content-type', HTML)
  forgotPage(@Web() web: WebRequest): string {
    return renderPage(<ForgotPasswordPage t={this.translator(web)} siteName={this.site.name} web={web} />);
  }

  /** The same answer whether or not the address has an account. */
  @AuthRateLimit()
  @Post('forgot-password')
  @HttpCode(200)
  @Header('content-type', HTML)
  async forgot(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    const email = formText(form.email, 254).trim();
    if (!email) {
      response.status(422);
      return renderPage(
        <ForgotPasswordPage t={t} siteName={this.site.name} web={web} errors={[{ field: 'email', message: t.t('forgot.emailMissing') }]} />,
      );
    }
    await this.auth.requestPasswordReset(email);
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={web}
        title={t.t('forgot.sent.title')}
        paragraphs={[t.t('forgot.sent.body', { email })]}
      />,
    );
  }

  @Get('reset-password')
  @Header('content-type', HTML)
  resetPage(@Web() web: WebRequest, @Query('token') token: unknown): string {
    return renderPage(<ResetPasswordPage t={this.translator(web)} siteName={this.site.name} web={web} token={tokenOf(token)} />);
  }

  /** A password that breaks the rules leaves the link unspent: the form comes back to try again. */
  @AuthRateLimit()
  @Post('reset-password')
  @HttpCode(200)
  @Header('content-type', HTML)
  async reset(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    const token = tokenOf(form.token);
    const password = typeof form.password === 'string' ? form.password : '';
    if (password.length < 10 || password.length > 256) {
      response.status(422);
      return renderPage(
        <ResetPasswordPage
          t={t}
          siteName={this.site.name}
          web={web}
          token={token}
          errors={[{ field: 'password', message: t.t('reset.invalid') }]}
        />,
      );
    }
    try {
      await this.auth.resetPassword({ token, password });
    } catch (error) {
      return this.broken(web, error, response, '/forgot-password');
    }
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={web}
        title={t.t('reset.done.title')}
        paragraphs={[t.t('reset.done.body')]}
        link={{ href: '/sign-in', label: t.t('signInNow') }}
      />,
    );
  }

  @Get('confirm-email')
  @Header('content-type', HTML)
  confirmPage(@Web() web: WebRequest, @Query('token') token: unknown): string {
    return renderPage(<ConfirmEmailPage t={this.translator(web)} siteName={this.site.name} web={web} token={tokenOf(token)} />);
  }

  @AuthRateLimit()
  @Post('confirm-email')
  @HttpCode(200)
  @Header('content-type', HTML)
  async confirm(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const t = this.translator(web);
    try {
      await this.auth.confirmEmail(tokenOf(form.token));
    } catch (error) {
      return this.broken(web, error, response, web.principal ? '/account' : '/sign-in');
    }
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={web}
        title={t.t('confirm.done.title')}
        paragraphs={[t.t('confirm.done.body')]}
        link={web.principal ? { href: '/account', label: t.t('account.link') } : { href: '/sign-in', label: t.t('signInNow') }}
      />,
    );
  }

  /** A link already spent, expired or mangled: say so, and where to get a new one. */
  private broken(web: WebRequest, error: unknown, response: Response, onward: string): string {
    if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
    response.status(error.getStatus());
    const t = this.translator(web);
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={web}
        title={t.t('link.broken.title')}
        paragraphs={[t.t('link.broken.body')]}
        link={{
          href: onward,
          label: t.t(onward === '/forgot-password' ? 'forgot.title' : onward === '/account' ? 'account.link' : 'signInNow'),
        }}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, ACCOUNT_MESSAGES);
  }
}
