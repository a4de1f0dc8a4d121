import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { GrantableRole } from '@polity/contracts';
import { decodeCursor, Page, toPage, UnitOfWork } from '@polity/platform';
import { Brackets, Repository } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
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
  ) {}

  /**
   * Makes sure an admin account exists for this email: creates it, or grants the admin role to an
   * existing account (whose password is left alone). Used at start-up and by the CLI.
   */
  async ensureAdmin(email: string, password: string, displayName = 'Administrator'): Promise<'created' | 'promoted' | 'unchanged'> {
    const existing = await this.accounts.findByEmail(email);
    if (existing?.roles.includes('admin')) return 'unchanged';
    if (existing) {
      const granted = existing.roles.filter((role): role is GrantableRole => role !== 'citizen');
      await this.accounts.setRoles(existing.id, existing.id, [...granted, 'admin']);
      this.logger.log({ userId: existing.id }, 'granted admin role to the configured admin account');
      return 'promoted';
    }
    const passwordHash = await this.hasher.hash(password);
    const user = await this.unitOfWork.run((tx) =>
      this.accounts.create(tx, { email, displayName, passwordHash, roles: ['citizen', 'admin'] }),
    );
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
    const after = decodeCursor(query.cursor, 2);
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
