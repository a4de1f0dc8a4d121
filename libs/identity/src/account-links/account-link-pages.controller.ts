import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthRateLimit, plainPage, ProblemException, Public } from '@polity/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { AccountLinkTokenDto, PasswordResetConfirmDto } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';

const HTML = 'text/html; charset=utf-8';
const tokenOf = (query: unknown): string => (typeof query === 'string' ? query.slice(0, 200) : '');
const newPasswordForm = (token: string) => ({
  fields: [
    { name: 'token', label: '', type: 'hidden' as const, value: token },
    { name: 'password', label: 'New password (at least 10 characters)', type: 'password' as const },
  ],
  submit: 'Set my new password',
});

/**
 * The pages account emails link to, so the links work before a city has a web client of its own:
 * plain HTML forms. Opening a link changes nothing (mail scanners open links too); only the
 * button, posting the form, spends the single-use token.
 */
@ApiExcludeController()
@Public()
@Controller('pages')
export class AccountLinkPagesController {
  constructor(private readonly auth: AuthService) {}

  @Get('confirm-email')
  @Header('content-type', HTML)
  confirmEmailPage(@Query('token') token: unknown): string {
    return plainPage('Confirm your email address', ['One click and your address is confirmed.'], {
      fields: [{ name: 'token', label: '', type: 'hidden', value: tokenOf(token) }],
      submit: 'Confirm my address',
    });
  }

  @AuthRateLimit()
  @Post('confirm-email')
  @HttpCode(200)
  @Header('content-type', HTML)
  async confirmEmail(@Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<string> {
    const refused = await this.refusal(AccountLinkTokenDto, form, response);
    if (refused) return plainPage('This link does not work', [refused]);
    try {
      await this.auth.confirmEmail(String(form.token));
      return plainPage('Address confirmed', ['Thank you: your email address is confirmed. You can close this page.']);
    } catch (error) {
      return plainPage('This link does not work', [this.detailOf(error, response)]);
    }
  }

  @Get('reset-password')
  @Header('content-type', HTML)
  resetPasswordPage(@Query('token') token: unknown): string {
    return plainPage(
      'Choose a new password',
      ['Every device signed in to your account will be signed out.'],
      newPasswordForm(tokenOf(token)),
    );
  }

  @AuthRateLimit()
  @Post('reset-password')
  @HttpCode(200)
  @Header('content-type', HTML)
  async resetPassword(@Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response): Promise<string> {
    // A password that breaks the rules leaves the link unspent, so the person tries again here.
    const refused = await this.refusal(PasswordResetConfirmDto, form, response);
    if (refused) return plainPage('Choose a new password', [refused], newPasswordForm(tokenOf(form.token)));
    try {
      await this.auth.resetPassword({ token: String(form.token), password: String(form.password) });
      return plainPage('Password changed', ['Your new password is set. Sign in with it on your devices.']);
    } catch (error) {
      return plainPage('This link does not work', [this.detailOf(error, response)]);
    }
  }

  /** The first broken rule of the form, as a sentence, with the 400 status set; null when it is whole. */
  private async refusal(dto: typeof AccountLinkTokenDto, form: Record<string, unknown>, response: Response): Promise<string | null> {
    const [error] = await validate(plainToInstance(dto, form), { whitelist: true, stopAtFirstError: true });
    if (!error) return null;
    response.status(400);
    return Object.values(error.constraints ?? {})[0] ?? `${error.property} is not valid`;
  }

  private detailOf(error: unknown, response: Response): string {
    if (!(error instanceof ProblemException)) throw error;
    response.status(error.problem.status);
    return error.problem.detail;
  }
}
