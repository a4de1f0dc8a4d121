import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@polity/contracts';

export type UnsubscribeScope = NotificationKind | 'all';

const sign = (secret: string, payload: string): Buffer => createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest();

/**
 * A link that turns off one kind of email (or all) for one person, without signing in. It does
 * not expire: unsubscribing must keep working from an old message. Signed, so nobody can
 * unsubscribe someone else.
 */
export function unsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  const payload = `${userId}.${scope}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload).toString('base64url')}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) return null;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, scope] = payload.split('.');
  if (!/^[0-9a-f-]{36}$/.test(userId) || !(scope === 'all' || (NOTIFICATION_KINDS as readonly string[]).includes(scope))) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
