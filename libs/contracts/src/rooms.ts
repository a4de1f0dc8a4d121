import { canonicalKind, isResourceKind, type ResourceKind } from './resource-kinds';

/**
 * Room kinds: a resource's room is `<kind>:<id>` (`proposals:<id>`) and its list room the bare kind
 * (`proposals`); besides them each person has `user:<id>`, moderators `moderation`, admins `open-data`.
 */
export type RoomKind = ResourceKind | 'user' | 'moderation' | 'open-data';

/** Lists anyone may watch for new items, as the bare kind. */
export const PUBLIC_LIST_ROOMS: readonly ResourceKind[] = ['proposals', 'budgets', 'surveys', 'threads', 'meetings'];

export function roomName(kind: RoomKind, id?: string): string {
  return id === undefined ? kind : `${kind}:${id}`;
}

/** Splits a room name; a former kind spelling (`proposal:<id>`) is read as the kind's one name. */
export function parseRoomName(room: string): { kind: string; id: string | undefined } | null {
  if (room.length === 0 || room.length > 200) return null;
  const separator = room.indexOf(':');
  const rawKind = separator === -1 ? room : room.slice(0, separator);
  const id = separator === -1 ? undefined : room.slice(separator + 1);
  if (!/^[a-z][a-z-]*$/.test(rawKind) || id === '') return null;
  const kind = canonicalKind(rawKind);
  return { kind, id };
}

/** The room's name as Polity spells it now, e.g. `proposals:<id>` for `proposal:<id>`. */
export function canonicalRoomName(room: string): string {
  const parsed = parseRoomName(room);
  return parsed ? (parsed.id === undefined ? parsed.kind : `${parsed.kind}:${parsed.id}`) : room;
}

export const isResourceRoomKind = (kind: string): kind is ResourceKind => isResourceKind(kind);

export const userRoom = (userId: string): string => roomName('user', userId);
