import type { MeetingSummaryView } from '@polity/contracts';

const DEFAULT_LENGTH_MS = 2 * 3600_000;
const MAX_OCTETS = 75;

/** `20261123T180000Z` */
const utc = (iso: string | Date): string =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks (CRLF, LF or a lone CR) are
 * escaped in TEXT values; other control characters are not allowed there and are dropped.
 */
const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after one space, never inside a character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An iCalendar feed of meetings, one event each, for calendar apps to subscribe to. */
export function meetingsCalendar(
  meetings: readonly MeetingSummaryView[],
  options: { name: string; meetingUrl: (id: string) => string; now: Date },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Polity//Council meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const meeting of meetings) {
    const endsAt = meeting.endsAt ?? new Date(new Date(meeting.scheduledAt).getTime() + DEFAULT_LENGTH_MS).toISOString();
    const url = options.meetingUrl(meeting.id);
    const cancelled = meeting.status === 'cancelled';
    const description = [
      cancelled ? `Cancelled: ${meeting.cancellationReason ?? ''}` : '',
      meeting.description,
      meeting.stream && !cancelled ? `Watch live: ${meeting.stream.url}` : '',
      url,
    ]
      .filter(Boolean)
      .join('\n\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${meeting.id}@polity`,
      `DTSTAMP:${utc(options.now)}`,
      `DTSTART:${utc(meeting.scheduledAt)}`,
      `DTEND:${utc(endsAt)}`,
      `SUMMARY:${escapeText(`${meeting.body}: ${meeting.title}`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `LOCATION:${escapeText(meeting.place)}`,
      `URL:${url}`,
      // Calendar apps strike an event through when a feed they follow marks it cancelled.
      cancelled ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
