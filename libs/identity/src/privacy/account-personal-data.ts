import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PersonalData, PersonalDataSource, Transaction } from '@polity/platform';
import { Repository } from 'typeorm';
import { AuthSessionEntity } from '../auth/auth-session.entity';
import { UserEntity } from '../users/user.entity';

/** The account's part of the GDPR export and erasure. */
@PersonalData('account')
@Injectable()
export class AccountPersonalData implements PersonalDataSource {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(AuthSessionEntity) private readonly sessions: Repository<AuthSessionEntity>,
  ) {}

  async exportFor(userId: string): Promise<unknown> {
    const user = await this.users.findOneByOrFail({ id: userId });
    const sessions = await this.sessions.find({ where: { userId }, order: { createdAt: 'ASC' } });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      language: user.locale,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      residentVerification: user.verifiedAt
        ? {
            verifiedAt: user.verifiedAt,
            district: user.residentDistrict,
            note: 'We keep only a keyed hash of the census entry you matched, never your identifier or birth date.',
          }
        : null,
      sessions: sessions.map((session) => ({
        id: session.id,
        device: session.userAgent,
        signedInAt: session.createdAt,
        lastActiveAt: session.lastRefreshedAt,
        endedAt: session.revokedAt,
        endedBecause: session.revokedReason,
      })),
    };
  }

  /**
   * Empties every personal field but keeps the row, so contributions keep a (now anonymous)
   * author. The claimed census entry stays claimed: the person already used their one account,
   * and their anonymised ballots still count.
   */
  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    await tx.manager.delete(AuthSessionEntity, { userId });
    await tx.manager.update(
      UserEntity,
      { id: userId },
      {
        email: null,
        displayName: '',
        passwordHash: null,
        roles: ['citizen'],
        verifiedAt: null,
        residentDistrict: null,
        locale: null,
        erasedAt: new Date(),
      },
    );
  }
}
