import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthRateLimit, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  formText,
  HTML,
  isLocale,
  MessagePage,
  pageTranslator,
  rememberLocale,
  renderPage,
  seeOther,
  signInFirst,
  Translator,
  Web,
  type WebRequest,
  WebSessions,
} from '@polity/web';
import type { Response } from 'express';
import { CensusService } from '../census/census.service';
import { AccountErasureService } from '../privacy/account-erasure.service';
import { UserResponseDto } from '../users/user-response.dto';
import { UsersService } from '../users/users.service';
import { ACCOUNT_MESSAGES } from './account.messages';
import { AccountPage, type ResidentDraft } from './account.page';
import { EraseAccountPage } from './erase-account.page';

/** Refusals a person can act on, shown beside the field; anything else is the server's fault. */
const shown = (error: unknown): ProblemException => {
  if (!(error instanceof ProblemException) || error.getStatus() >= 500) throw error;
  return error;
};

/** The reader's own account on the site: who they are, resident verification, their data, erasure. */
@ApiExcludeController()
@Public()
@Controller('account')
export class AccountSettingsPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly census: CensusService,
    private readonly privacy: AccountErasureService,
    private readonly webSessions: WebSessions,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  @Header('content-type', HTML)
  async account(@Web() web: WebRequest, @Query('verified') verified: unknown, @Res({ passthrough: true }) response: Response) {
    if (!web.principal) return signInFirst(response, web.path);
    return this.page(web, { verifiedNow: verified === '1', resident: {}, errors: [] });
  }

  @AuthRateLimit()
  @Post('verification')
  @HttpCode(422)
  @Header('content-type', HTML)
  async verify(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    if (!web.principal) return signInFirst(response, web.path);
    const t = this.translator(web);
    const resident: ResidentDraft = {
      identifier: formText(form.identifier, 64).trim(),
      birthDate: formText(form.birthDate, 10).trim(),
      postcode: formText(form.postcode, 16).trim(),
    };
    const errors: FieldError[] = [];
    if (!resident.identifier) errors.push({ field: 'identifier', message: t.t('account.resident.identifierMissing') });
    const validDate = /^\d{4}-\d{2}-\d{2}$/.test(resident.birthDate ?? '');
    if (!validDate && !resident.postcode) errors.push({ field: 'birthDate', message: t.t('account.resident.pairMissing') });
    if (errors.length === 0) {
      try {
        await this.census.verify(web.principal.userId, {
          identifier: resident.identifier ?? '',
          ...(validDate && { birthDate: resident.birthDate }),
          ...(resident.postcode && { postcode: resident.postcode }),
        });
        return seeOther(response, '/account?verified=1');
      } catch (error) {
        const refusal = shown(error).getResponse() as { detail?: string };
        errors.push({ field: 'identifier', message: t.t('account.resident.refused', { reason: refusal.detail ?? '' }) });
      }
    }
    return this.page(web, { verifiedNow: false, resident, errors });
  }

  /** The account's language, for its pages everywhere and its mail; this browser follows at once. */
  @Post('language')
  async language(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res() response: Response): Promise<void> {
    if (!web.principal) return void signInFirst(response, web.path);
    if (isLocale(form.locale)) {
      await this.users.setLocale(web.principal.userId, form.locale);
      rememberLocale(response, form.locale);
    }
    seeOther(response, '/account');
  }

  /** GDPR art. 15 and 20: everything held about the reader, as a download. */
  @Get('data')
  async data(@Web() web: WebRequest, @Res() response: Response): Promise<void> {
    if (!web.principal) return void signInFirst(response, web.path);
    const data = await this.privacy.exportFor(web.principal.userId);
    response
      .set({ 'content-disposition': 'attachment; filename="polity-my-data.json"', 'cache-control': 'no-store' })
      .type('application/json')
      .send(JSON.stringify(data, null, 2));
  }

  @Get('erase')
  @Header('content-type', HTML)
  erasePage(@Web() web: WebRequest, @Res({ passthrough: true }) response: Response) {
    if (!web.principal) return signInFirst(response, web.path);
    return renderPage(<EraseAccountPage t={this.translator(web)} siteName={this.site.name} web={web} errors={[]} />);
  }

  /** GDPR art. 17: the account goes, with every session; what the person wrote stays without their name. */
  @AuthRateLimit()
  @Post('erase')
  @HttpCode(200)
  @Header('content-type', HTML)
  async erase(@Web() web: WebRequest, @Body() form: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    if (!web.principal) return signInFirst(response, web.path);
    const t = this.translator(web);
    const password = typeof form.password === 'string' ? form.password.slice(0, 256) : '';
    try {
      await this.privacy.erase(web.principal.userId, password);
    } catch (error) {
      shown(error);
      response.status(422);
      return renderPage(
        <EraseAccountPage
          t={t}
          siteName={this.site.name}
          web={web}
          errors={[{ field: 'password', message: t.t('account.erase.wrongPassword') }]}
        />,
      );
    }
    this.webSessions.close(response);
    const signedOut: WebRequest = { ...web, principal: undefined, unread: undefined, live: undefined };
    return renderPage(
      <MessagePage
        t={t}
        siteName={this.site.name}
        web={signedOut}
        title={t.t('account.erased.title')}
        paragraphs={[t.t('account.erased.body')]}
        link={{ href: '/', label: t.t('error.backHome') }}
      />,
    );
  }

  private async page(web: WebRequest, state: { verifiedNow: boolean; resident: ResidentDraft; errors: FieldError[] }): Promise<string> {
    const user = await this.users.get(web.principal?.userId ?? '');
    return renderPage(
      <AccountPage
        t={this.translator(web)}
        siteName={this.site.name}
        web={web}
        account={UserResponseDto.from(user)}
        locale={user.locale}
        {...state}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, ACCOUNT_MESSAGES);
  }
}
