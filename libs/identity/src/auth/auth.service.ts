import { Injectable } from '@nestjs/common';
import { AccessTokenService, AuthConfig, type Principal, Problems, RateLimitConfig, UnitOfWork } from '@polity/platform';
import { UserEntity } from '../users/user.entity';
import { UserResponseDto } from '../users/user-response.dto';
import { normalizeEmail, UsersService } from '../users/users.service';
import { AccountLinksService } from '../account-links/account-links.service';
import type { AuthResponseDto, LoginDto, PasswordResetConfirmDto, RegisterDto, RegistrationReceiptDto } from './auth.dto';
import { AttemptLimiter } from './attempt-limiter';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

const INVALID_CREDENTIALS = 'The email address or password is not right.';

/** Reset mails per address per hour: enough for a lost message, too few to flood a mailbox. */
const RESET_REQUESTS = { max: 3, windowSeconds: 3600 };

export const REGISTRATION_RECEIPT: RegistrationReceiptDto = {
  detail: 'Check your mailbox: we sent a message to this address. Follow its link to confirm the address; you can sign in meanwhile.',
};

@Injectable()
export class AuthService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly attempts: AttemptLimiter,
    private readonly limits: RateLimitConfig,
    private readonly config: AuthConfig,
    private readonly links: AccountLinksService,
  ) {}

  /**
   * Answers the same whether or not the address has an account, doing the same work either way: a
   * new address gets an account and a confirmation link, an existing one a note to its owner (with
   * a way to reset the password). Nobody learns from the answer whose address is registered.
   */
  async register(input: RegisterDto): Promise<RegistrationReceiptDto> {
    const passwordHash = await this.hasher.hash(input.password);
    await this.unitOfWork.run(async (tx) => {
      const outcome = await this.users.createIfNew(tx, {
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        ...(input.locale && { locale: input.locale }),
      });
      if (outcome.created) tx.publish('account.link_requested', { userId: outcome.userId, purpose: 'confirm_email' });
      else tx.publish('account.registration_repeated', { userId: outcome.userId });
    });
    return REGISTRATION_RECEIPT;
  }

  async login(input: LoginDto, userAgent?: string): Promise<AuthResponseDto> {
    const { user, session } = await this.openSession(input, userAgent);
    return this.respond(user, session.sessionId, session.refreshToken);
  }

  /**
   * Signs a browser in: the same check and the same kind of session as login, held by the web
   * site's cookie rather than by tokens; it lasts as long as a refresh token would.
   */
  async signInBrowser(input: LoginDto, userAgent?: string): Promise<{ userId: string; sessionId: string; maxAgeSeconds: number }> {
    const { user, session } = await this.openSession(input, userAgent);
    return { userId: user.id, sessionId: session.sessionId, maxAgeSeconds: this.config.refreshTokenTtlSeconds };
  }

  /** The attempt is counted before the password is checked, so parallel guesses cannot outrun the limit. */
  private async openSession(input: LoginDto, userAgent: string | undefined) {
    const key = this.attempts.key('login', normalizeEmail(input.email));
    await this.attempts.assertAllowed([key], this.loginLimit, 'Too many failed attempts; wait before trying again.');
    const user = await this.users.findByEmail(input.email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !valid || user.erasedAt) throw Problems.unauthorized('invalid_credentials', INVALID_CREDENTIALS);
    await this.attempts.clear(key);
    return { user, session: await this.unitOfWork.run((tx) => this.sessions.open(tx, user.id, userAgent)) };
  }

  async refresh(refreshToken: string): Promise<AuthResponseDto> {
    const rotated = await this.sessions.rotate(refreshToken);
    const user = await this.users.get(rotated.userId).catch(() => {
      throw Problems.unauthorized('invalid_refresh_token', 'This account no longer exists.');
    });
    return this.respond(user, rotated.sessionId, rotated.refreshToken);
  }

  async confirmEmail(token: string): Promise<{ emailConfirmed: true }> {
    await this.unitOfWork.run(async (tx) => {
      const userId = await this.links.consume(tx, token, 'confirm_email');
      await tx.manager.update(UserEntity, { id: userId }, { emailConfirmedAt: new Date() });
    });
    return { emailConfirmed: true };
  }

  /**
   * Answers the same whether or not the address has an account, with the same work either way
   * (the request is counted for the address, in a write, in both cases), so neither the answer
   * nor its timing tells. A few mails per address per hour at most.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const address = normalizeEmail(email);
    await this.unitOfWork.run(async (tx) => {
      const overLimit = (await this.attempts.count(this.attempts.key('reset', address), RESET_REQUESTS, tx.manager)) !== null;
      const userId = await this.users.idOfAddress(tx, address);
      tx.publish('account.password_reset_requested', { userId: overLimit ? null : userId });
    });
  }

  /** A new password, and every session of the account ends: whoever had the old one is out. */
  async resetPassword(input: PasswordResetConfirmDto): Promise<void> {
    const passwordHash = await this.hasher.hash(input.password);
    await this.unitOfWork.run(async (tx) => {
      const userId = await this.links.consume(tx, input.token, 'reset_password');
      await this.links.retireAll(tx, userId, 'reset_password');
      // The link reached the mailbox, which confirms the address as well as a confirmation link would.
      await tx.manager.query(
        'UPDATE user_account SET password_hash = $2, email_confirmed_at = coalesce(email_confirmed_at, now()) WHERE id = $1',
        [userId, passwordHash],
      );
      await this.sessions.revokeAll(tx, userId, 'password_reset');
    });
  }

  logout(principal: Principal): Promise<void> {
    return this.sessions.revoke(principal.userId, principal.sessionId, 'logout');
  }

  logoutEverywhere(principal: Principal): Promise<void> {
    return this.unitOfWork.run((tx) => this.sessions.revokeAll(tx, principal.userId, 'logout_everywhere'));
  }

  async confirmPassword(userId: string, password: string): Promise<UserEntity> {
    const user = await this.users.get(userId);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw Problems.forbidden('password_mismatch', 'The password is not right.');
    }
    return user;
  }

  private get loginLimit() {
    return { max: this.limits.loginMaxFailures, windowSeconds: this.limits.failureWindowSeconds };
  }

  private respond(user: UserEntity, sessionId: string, refreshToken: string): AuthResponseDto {
    return {
      user: UserResponseDto.from(user),
      accessToken: this.accessTokens.issue({ userId: user.id, sessionId }),
      accessTokenExpiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
    };
  }
}
