import { Injectable } from '@nestjs/common';
import { PersonalDataRegistry, Problems, UnitOfWork } from '@polity/platform';
import { AuthService } from '../auth/auth.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';

/** GDPR: export everything about a person, or erase their account in one transaction. */
@Injectable()
export class AccountErasureService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly registry: PersonalDataRegistry,
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  async exportFor(userId: string): Promise<Record<string, unknown>> {
    await this.users.get(userId);
    return {
      exportedAt: new Date().toISOString(),
      about: 'Everything Polity holds about you, by feature. Public contributions appear under their feature.',
      ...(await this.registry.exportFor(userId)),
    };
  }

  async erase(userId: string, password: string): Promise<void> {
    await this.auth.confirmPassword(userId, password);
    // Erasure deletes the sessions, and every request reads them, so the account's tokens die with the commit.
    await this.unitOfWork.run(async (tx) => {
      const user = await tx.manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.erasedAt) throw Problems.notFound('Your account');
      if (user.roles.includes('admin') && (await this.users.countOtherAdmins(tx.manager, userId)) === 0) {
        throw Problems.conflict('last_admin', 'You are the only admin; make someone else admin before erasing your account.');
      }
      await this.registry.eraseFor(userId, tx);
      tx.publish('user.erased', { userId });
    });
  }
}
