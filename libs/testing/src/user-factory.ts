import { randomUUID } from 'node:crypto';
import type { GrantableRole } from '@polity/contracts';
import { AccountLinksService, UsersService } from '@polity/identity';
import type { RunningApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  accessToken: string;
  refreshToken: string;
  /** `Bearer <token>`, for supertest's .set('Authorization', …) */
  auth: string;
}

let sequence = 0;

/** Registers a fresh citizen through the public API and signs them in. */
export async function registerUser(
  api: RunningApp,
  overrides: Partial<Pick<TestUser, 'email' | 'password' | 'displayName'>> = {},
): Promise<TestUser> {
  sequence += 1;
  const email = overrides.email ?? `citizen-${sequence}-${randomUUID().slice(0, 8)}@example.test`;
  const password = overrides.password ?? 'correct horse battery';
  const displayName = overrides.displayName ?? `Citizen ${sequence}`;
  await api.http.post('/api/v1/auth/register').send({ email, password, displayName }).expect(202);
  const response = await api.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  const body = response.body as { user: { id: string }; accessToken: string; refreshToken: string };
  return {
    id: body.user.id,
    email,
    password,
    displayName,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    auth: `Bearer ${body.accessToken}`,
  };
}

/** A user holding the given roles (every request reads them, so the token already issued carries them). */
export async function createUserWithRoles(api: RunningApp, roles: GrantableRole[]): Promise<TestUser> {
  const user = await registerUser(api);
  await api.app.get(UsersService).setRoles(user.id, user.id, roles);
  return user;
}

export async function signIn(api: RunningApp, user: TestUser): Promise<TestUser> {
  const response = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200);
  const body = response.body as { accessToken: string; refreshToken: string };
  return { ...user, accessToken: body.accessToken, refreshToken: body.refreshToken, auth: `Bearer ${body.accessToken}` };
}

/**
 * Confirms the user's address as the mailed link would: a link issued by the real service, spent
 * through the API. Notifications are mailed to confirmed addresses only.
 */
export async function confirmEmail(api: RunningApp, user: TestUser): Promise<TestUser> {
  const token = await api.app.get(AccountLinksService).issue(user.id, 'confirm_email');
  await api.http.post('/api/v1/auth/confirm-email').send({ token }).expect(200);
  return user;
}
