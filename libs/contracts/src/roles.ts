/** `council`: clerks who run council meetings live (agenda, decisions). */
export const ROLES = ['citizen', 'moderator', 'official', 'council', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** Roles an admin can grant; `citizen` is implied for every account. */
export const GRANTABLE_ROLES = ['moderator', 'official', 'council', 'admin'] as const satisfies readonly Role[];

export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
