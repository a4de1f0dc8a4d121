import { createHash } from 'node:crypto';

/** Polity's own namespace for name-based notification ids (a random UUID, fixed forever). */
const NAMESPACE = Buffer.from('8f0b6c1e4a3d4e9b9c2f5d7a1b3e6c40', 'hex');

/**
 * A notification's id is a name-based UUID (version 5, RFC 9562) of its event and its recipient.
 * Known before the row is stored, it lets the fan-out push first and store after, and a retried
 * fan-out stores and pushes the very same notification, which clients recognise by its id.
 */
export function notificationId(eventId: string, userId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${eventId}/${userId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
