import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { GrantableRole, Role } from '@polity/contracts';
import { Problems, recordAudit, Transaction, UnitOfWork } from '@polity/platform';
import { EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

const UNIQUE_VIOLATION = '23505';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The public face of an author: an erased account reads as "Deleted user" with no id, so its
 * contributions cannot be grouped (nor matched to its open-data pseudonym) after erasure.
 */
export interface PublicUser {
  id: string | null;
  displayName: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(tx: Transaction, input: { email: string; displayName: string; passwordHash: string; roles?: Role[] }): Promise<UserEntity> {
    try {
      const user = await tx.manager.save(
        tx.manager.create(UserEntity, {
          email: normalizeEmail(input.email),
          displayName: input.displayName.trim(),
          passwordHash: input.passwordHash,
          roles: input.roles ?? ['citizen'],
        }),
      );
      tx.publish('user.registered', { userId: user.id });
      return user;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw Problems.conflict('email_taken', 'An account with this email address already exists.');
      }
      throw error;
    }
  }

  /**
   * Creates the account unless the address already has one; either way one insert is attempted,
   * so both cases cost the same.
   */
  async createIfNew(
    tx: Transaction,
    input: { email: string; displayName: string; passwordHash: string; locale?: 'en' | 'fr' },
  ): Promise<{ created: boolean; userId: string }> {
    const [inserted] = await tx.manager.query<{ id: string }[]>(
      `INSERT INTO user_account (email, display_name, password_hash, roles, locale) VALUES ($1, $2, $3, '{citizen}', $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [normalizeEmail(input.email), input.displayName.trim(), input.passwordHash, input.locale ?? null],
    );
    if (inserted) {
      tx.publish('user.registered', { userId: inserted.id });
      return { created: true, userId: inserted.id };
    }
    return { created: false, userId: (await this.idOfAddress(tx, input.email)) as string };
  }

  /** The language of the site and of mail for this person; `ifUnset` keeps a choice they made before. */
  async setLocale(userId: string, locale: 'en' | 'fr', { ifUnset = false } = {}): Promise<void> {
    await this.users.manager.query(`UPDATE user_account SET locale = $2 WHERE id = $1 ${ifUnset ? 'AND locale IS NULL' : ''}`, [
      userId,
      locale,
    ]);
  }

  async idOfAddress(tx: Transaction, email: string): Promise<string | null> {
    const [row] = await tx.manager.query<{ id: string }[]>('SELECT id FROM user_account WHERE email = $1 AND erased_at IS NULL', [
      normalizeEmail(email),
    ]);
    return row?.id ?? null;
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  async get(id: string, manager: EntityManager = this.users.manager): Promise<UserEntity> {
    const user = await manager.findOneBy(UserEntity, { id });
    if (!user || user.erasedAt) throw Problems.notFound('That user');
    return user;
  }

  async publicProfiles(ids: readonly string[]): Promise<Map<string, PublicUser>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName', 'u.erasedAt'])
      .where('u.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    return new Map(
      rows.map((u) => [u.id, u.erasedAt ? { id: null, displayName: 'Deleted user' } : { id: u.id, displayName: u.displayName }]),
    );
  }

  async setRoles(actorId: string, userId: string, granted: GrantableRole[]): Promise<UserEntity> {
    const roles: Role[] = ['citizen', ...new Set(granted)];
    return this.unitOfWork.run(async (tx) => {
      const target = await tx.manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!target || target.erasedAt) throw Problems.notFound('That user');
      if (target.id === actorId && target.roles.includes('admin') && !roles.includes('admin')) {
        throw Problems.conflict('cannot_demote_self', 'You cannot remove your own admin role; ask another admin.');
      }
      const before = target.roles;
      target.roles = roles;
      await tx.manager.save(target);
      await recordAudit(tx, {
        actorId,
        action: 'user.roles_set',
        target: { kind: 'user', id: target.id },
        before: { roles: before },
        after: { roles },
      });
      // Access tokens carry no roles: every request reads them, so this holds from the commit on.
      tx.publish('user.roles_changed', { userId: target.id, roles });
      return target;
    });
  }

  /** Accounts verified against the census and not erased: the base of percentage thresholds. */
  countVerifiedResidents(): Promise<number> {
    return this.users.createQueryBuilder('u').where('u.verified_at IS NOT NULL AND u.erased_at IS NULL').getCount();
  }

  async countOtherAdmins(manager: EntityManager, userId: string): Promise<number> {
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .where(`'admin' = ANY(u.roles)`)
      .andWhere('u.id <> :userId', { userId })
      .andWhere('u.erased_at IS NULL')
      .getCount();
  }
}
