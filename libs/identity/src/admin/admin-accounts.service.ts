import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { GrantableRole } from '@polity/contracts';
import { decodeCursor, Page, recordAudit, toPage, UnitOfWork } from '@polity/platform';
import { Brackets, Repository } from 'typeorm';
import { AccountLinksService } from '../account-links/account-links.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { UserEntity } from '../users/user.entity';
import { UserResponseDto } from '../users/user-response.dto';
import { UsersService } from '../users/users.service';
import type { ListUsersQueryDto } from './admin-users.dto';

@Injectable()
export class AdminAccountsService {
  private readonly logger = new Logger(AdminAccountsService.name);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly accounts: UsersService,
    private readonly unitOfWork: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly links: AccountLinksService,
  ) {}

  /**
   * Makes sure the operator's admin account exists for this email (start-up and the CLI). An admin
   * already there is left alone, password included. An ordinary account on that address may have
   * been registered by anyone, so it is not merely promoted: it gets the operator's password, every
   * one of its sessions ends, and only then does it become admin. Nobody but the operator can
   * sign in to the admin account this makes.
   */
  async ensureAdmin(email: string, password: string, displayName = 'Administrator'): Promise<'created' | 'taken_over' | 'unchanged'> {
    const existing = await this.accounts.findByEmail(email);
    if (existing?.roles.includes('admin')) return 'unchanged';
    const passwordHash = await this.hasher.hash(password);
    if (existing) {
      await this.unitOfWork.run(async (tx) => {
        await tx.manager.update(UserEntity, { id: existing.id }, { passwordHash, emailConfirmedAt: new Date() });
        await this.sessions.revokeAll(tx, existing.id, 'operator_takeover');
        await this.links.retireAll(tx, existing.id, 'reset_password');
        await recordAudit(tx, {
          actorId: existing.id,
          action: 'user.operator_takeover',
          target: { kind: 'user', id: existing.id },
          after: { reason: 'the operator named this address as the admin account' },
        });
      });
      const granted = existing.roles.filter((role): role is GrantableRole => role !== 'citizen');
      await this.accounts.setRoles(existing.id, existing.id, [...granted, 'admin']);
      this.logger.warn(
        { userId: existing.id },
        'the configured admin address had an ordinary account: it now has the operator password and its sessions ended',
      );
      return 'taken_over';
    }
    const user = await this.unitOfWork.run(async (tx) => {
      const created = await this.accounts.create(tx, { email, displayName, passwordHash, roles: ['citizen', 'admin'] });
      await tx.manager.update(UserEntity, { id: created.id }, { emailConfirmedAt: new Date() });
      return created;
    });
    this.logger.log({ userId: user.id }, 'created the configured admin account');
    return 'created';
  }

  async list(query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    const builder = this.users.createQueryBuilder('u').where('u.erased_at IS NULL');
    if (query.q) {
      const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        new Brackets((where) => where.where('u.email ILIKE :pattern', { pattern }).orWhere('u.display_name ILIKE :pattern', { pattern })),
      );
    }
    if (query.role) builder.andWhere(':role = ANY(u.roles)', { role: query.role });
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (after) builder.andWhere('(u.created_at, u.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await builder
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    return toPage(
      rows,
      query.limit,
      (u) => [u.createdAt.toISOString(), u.id],
      (u) => UserResponseDto.from(u),
    );
  }
}
