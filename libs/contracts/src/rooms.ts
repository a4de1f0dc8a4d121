/** Room names are `<kind>:<id>`, or a bare kind for singleton rooms such as `moderation`. */
export function roomName(kind: string, id?: string): string {
  return id === undefined ? kind : `${kind}:${id}`;
}

export function parseRoomName(room: string): { kind: string; id: string | undefined } | null {
  if (room.length === 0 || room.length > 200) return null;
  const separator = room.indexOf(':');
  if (separator === -1) return /^[a-z][a-z-]*$/.test(room) ? { kind: room, id: undefined } : null;
  const kind = room.slice(0, separator);
  const id = room.slice(separator + 1);
  if (!/^[a-z][a-z-]*$/.test(kind) || id.length === 0) return null;
  return { kind, id };
}

export const userRoom = (userId: string): string => roomName('user', userId);
