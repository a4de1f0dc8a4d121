import { DEFAULT_EMAIL_FREQUENCY } from '@polity/contracts';

/**
 * SQL for a notification's email frequency: the person's choice, or the kind's default. Expects the
 * notification as `n` and a LEFT JOIN of notification_preference as `p` on user and kind.
 */
export const EFFECTIVE_FREQUENCY = `coalesce(p.email, CASE n.kind ${Object.entries(DEFAULT_EMAIL_FREQUENCY)
  .map(([kind, frequency]) => `WHEN '${kind}' THEN '${frequency}'`)
  .join(' ')} END)`;

export const PREFERENCE_JOIN = 'LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind';
