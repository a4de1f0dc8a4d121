import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuthRateLimit, ProblemException, Public, SiteConfig } from '@polity/platform';
import {
  type FieldError,
  formText,
  HTML,
  localPath,
  pageTranslator,
  renderPage,
  seeOther,
  Translator,
  Web,
  type WebRequest,
  WebSessions,
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { RegisterDto } from '../auth/auth.dto';
import { AuthService } from '../auth/auth.service';
import { UsersService } from '../users/users.service';
import { IDENTITY_MESSAGES } from './identity.messages';
import { RegisterPage, RegistrationSentPage } from './register.page';
import { SignInPage } from './sign-in.page';

/** Signing in and out of the web site: forms that post, then redirect (303) to the page asked for. */
@ApiExcludeController()
@Public()
@Controller()
export class AccountPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly webSessions: WebSessions,
    private readonly site: SiteConfig,
  ) {}

  @Get('sign-in')
  @Header('content-type', HTML)
  signInPage(@Web() web: WebRequest, @Query('next') next: unknown): string {
    return renderPage(<SignInPage t={this.translator(web)} siteName={this.site.name} web={web} next={localPath(next)} />);
  }

  @AuthRateLimit()
  @Post('sign-in')
  @HttpCode(200)
  @Header('content-type', HTML)
  async signIn(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | undefined> {
    const t = this.translator(web);
    const email = formText(form.email, 254).trim();
    const password = typeof form.password === 'string' ? form.password.slice(0, 1000) : '';
    const next = localPath(form.next);
    const errors: FieldError[] = [
      ...(email ? [] : [{ field: 'email', message: t.t('signIn.emailMissing') }]),
      ...(password ? [] : [{ field: 'password', message: t.t('signIn.passwordMissing') }]),
    ];
    let status = 422;
    if (errors.length === 0) {
      try {
        const signedIn = await this.auth.signInBrowser({ email, password }, request.headers['user-agent']);
        this.webSessions.open(response, signedIn.userId, signedIn.sessionId, signedIn.maxAgeSeconds);
        // The language they signed in with is theirs until they choose (their mail follows it).
        await this.users.setLocale(signedIn.userId, web.locale, { ifUnset: true });
        return seeOther(response, next);
      } catch (error) {
        if (!(error instanceof ProblemException) || ![401, 429].includes(error.getStatus())) throw error;
        status = error.getStatus() === 429 ? 429 : 422;
        errors.push({ field: 'email', message: t.t(status === 429 ? 'signIn.tooMany' : 'signIn.invalid') });
      }
    }
    response.status(status);
    return renderPage(<SignInPage t={t} siteName={this.site.name} web={web} next={next} email={email} errors={errors} />);
  }

  @Get('register')
  @Header('content-type', HTML)
  registerPage(@Web() web: WebRequest): string {
    return renderPage(<RegisterPage t={this.translator(web)} siteName={this.site.name} web={web} />);
  }

  /** The same registration as the api's: the answer never says whether the address was taken. */
  @AuthRateLimit()
  @Post('register')
  @HttpCode(200)
  @Header('content-type', HTML)
  async register(
    @Web() web: WebRequest,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const t = this.translator(web);
    const input = plainToInstance(RegisterDto, {
      displayName: form.displayName,
      email: form.email,
      password: form.password,
      locale: web.locale,
    });
    const problems = new Set((await validate(input)).map((error) => error.property));
    const errors: FieldError[] = (['displayName', 'email', 'password'] as const)
      .filter((field) => problems.has(field))
      .map((field) => ({ field, message: t.t(`register.invalid.${field}`) }));
    if (errors.length > 0) {
      response.status(422);
      return renderPage(
        <RegisterPage
          t={t}
          siteName={this.site.name}
          web={web}
          displayName={formText(form.displayName, 80).trim()}
          email={formText(form.email, 254).trim()}
          errors={errors}
        />,
      );
    }
    await this.auth.register(input);
    return renderPage(<RegistrationSentPage t={t} siteName={this.site.name} web={web} email={input.email} />);
  }

  /** Ends this browser's session everywhere it is used (the api's tokens of that session too). */
  @Post('sign-out')
  signOut(@Web() web: WebRequest, @Res() response: Response): Promise<void> {
    const ending = web.principal ? this.auth.logout(web.principal) : Promise.resolve();
    return ending.then(() => {
      this.webSessions.close(response);
      seeOther(response, '/');
    });
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, IDENTITY_MESSAGES);
  }
}
