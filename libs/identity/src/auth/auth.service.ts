import { Injectable } from '@nestjs/common';
import { AccessTokenService, AuthConfig, type Principal, Problems, RateLimitConfig, UnitOfWork } from '@polity/platform';
import { UserEntity } from '../users/user.entity';
import { UserResponseDto } from '../users/user-response.dto';
import { UsersService } from '../users/users.service';
import { AccountLinksService } from '../account-links/account-links.service';
import type { AuthResponseDto, LoginDto, PasswordResetConfirmDto, RegisterDto } from './auth.dto';
import { FailureThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

const INVALID_CREDENTIALS = 'The email address or password is not right.';

@Injectable()
export class AuthService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly throttle: FailureThrottle,
    private readonly limits: RateLimitConfig,
    private readonly config: AuthConfig,
    private readonly links: AccountLinksService,
  ) {}

  async register(input: RegisterDto, userAgent?: string): Promise<AuthResponseDto> {
    const passwordHash = await this.hasher.hash(input.password);
    const { user, session } = await this.unitOfWork.run(async (tx) => {
      const created = await this.users.create(tx, { email: input.email, displayName: input.displayName, passwordHash });
      tx.publish('account.link_requested', { userId: created.id, purpose: 'confirm_email' });
      return { user: created, session: await this.sessions.open(tx, created.id, userAgent) };
    });
    return this.respond(user, session.sessionId, session.refreshToken);
  }

  async login(input: LoginDto, userAgent?: string): Promise<AuthResponseDto> {
    const failureKey = FailureThrottle.loginKey(input.email);
    await this.throttle.assertAllowed(failureKey, this.limits.loginMaxFailures);
    const user = await this.users.findByEmail(input.email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, input.password);
    if (!user || !valid || user.erasedAt) {
      await this.throttle.recordFailure(failureKey);
      throw Problems.unauthorized('invalid_credentials', INVALID_CREDENTIALS);
    }
    await this.throttle.reset(failureKey);
    const session = await this.unitOfWork.run((tx) => this.sessions.open(tx, user.id, userAgent));
    return this.respond(user, session.sessionId, session.refreshToken);
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

  /** Answers the same whether or not the address has an account, so it reveals nothing. */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.erasedAt) return;
    await this.unitOfWork.run(async (tx) => {
      tx.publish('account.link_requested', { userId: user.id, purpose: 'reset_password' });
      return Promise.resolve();
    });
  }

  /** A new password, and every session of the account ends: whoever had the old one is out. */
  async resetPassword(input: PasswordResetConfirmDto): Promise<void> {
    const passwordHash = await this.hasher.hash(input.password);
    await this.unitOfWork.run(async (tx) => {
      const userId = await this.links.consume(tx, input.token, 'reset_password');
      await this.links.retireAll(tx, userId, 'reset_password');
      await tx.manager.update(UserEntity, { id: userId }, { passwordHash });
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

  private respond(user: UserEntity, sessionId: string, refreshToken: string): AuthResponseDto {
    return {
      user: UserResponseDto.from(user),
      accessToken: this.accessTokens.issue({ userId: user.id, sessionId }),
      accessTokenExpiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
    };
  }
}
