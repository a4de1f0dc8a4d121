import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthRateLimit, CurrentPrincipal, Principal, Public } from '@polity/platform';
import {
  AccountLinkTokenDto,
  AuthResponseDto,
  LoginDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
  RegisterDto,
  RegistrationReceiptDto,
} from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 202 whether or not the address had an account (its owner is told by mail); then sign in. */
  @Public()
  @AuthRateLimit()
  @Post('register')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RegistrationReceiptDto })
  register(@Body() body: RegisterDto): Promise<RegistrationReceiptDto> {
    return this.auth.register(body);
  }

  /**
   * Signs in with email and password, giving an access token (15 minutes) and a refresh token. 401 for a wrong
   * pair; 429 after LOGIN_MAX_FAILURES failures for the account in the window.
   */
  @Public()
  @AuthRateLimit()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  login(@Body() body: LoginDto, @Headers('user-agent') userAgent?: string): Promise<AuthResponseDto> {
    return this.auth.login(body, userAgent);
  }

  /**
   * Trades a refresh token for new tokens (the refresh token rotates). A refresh token used twice ends its
   * session: 401.
   */
  @Public()
  @AuthRateLimit()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  refresh(@Body() body: RefreshDto): Promise<AuthResponseDto> {
    return this.auth.refresh(body.refreshToken);
  }

  /** The link mailed after registration. */
  @Public()
  @AuthRateLimit()
  @Post('confirm-email')
  @HttpCode(200)
  confirmEmail(@Body() body: AccountLinkTokenDto): Promise<{ emailConfirmed: true }> {
    return this.auth.confirmEmail(body.token);
  }

  /** Mails a reset link if the address has an account; the answer is the same either way. */
  @Public()
  @AuthRateLimit()
  @Post('password-reset')
  @HttpCode(202)
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<{ detail: string }> {
    await this.auth.requestPasswordReset(body.email);
    return { detail: 'If this address has an account, a link to reset its password is on its way.' };
  }

  /**
   * Sets a new password with a reset link's token and ends every session of the account. 400 for a used, expired
   * or unknown token.
   */
  @Public()
  @AuthRateLimit()
  @Post('password-reset/confirm')
  @HttpCode(204)
  async resetPassword(@Body() body: PasswordResetConfirmDto): Promise<void> {
    await this.auth.resetPassword(body);
  }

  /** Ends this device's session: its refresh token and its access tokens stop working at once. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  /** Ends every session of the account, on every device, this one included. */
  @ApiBearerAuth()
  @Post('logout-all')
  @HttpCode(204)
  async logoutEverywhere(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logoutEverywhere(principal);
  }
}
