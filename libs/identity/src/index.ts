export * from './identity.module';
export * from './users/user.entity';
export * from './users/users.service';
export * from './users/user-response.dto';
export * from './admin/admin-accounts.service';
export { IDENTITY_MIGRATIONS } from './migrations';
export * from './account-links/account-links.service';
