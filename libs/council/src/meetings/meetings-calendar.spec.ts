import type { MeetingSummaryView } from '@polity/contracts';
import ICAL from 'ical.js';
import { meetingsCalendar } from './meetings-calendar';

const meeting = (overrides: Partial<MeetingSummaryView>): MeetingSummaryView => ({
  id: '5f0c2f1e-8a37-4b54-9d7e-2f6a1f3c9b10',
  body: 'City council',
  title: 'Budget, libraries; and more',
  description: 'Line one\nLine two, with a comma',
  place: 'Town hall, room 2',
  scheduledAt: '2026-12-01T18:00:00.000Z',
  endsAt: null,
  status: 'scheduled',
  stream: null,
  recordingUrl: null,
  startedAt: null,
  endedAt: null,
  cancellationReason: null,
  currentItemId: null,
  ...overrides,
});

describe('meetingsCalendar', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const meetingUrl = (id: string) => `https://polity.example/api/v1/meetings/${id}`;

  it('parses as iCalendar with one event per meeting, text intact', () => {
    const longTitle = 'Ærøskøbing mobility plan '.repeat(8).trim();
    const feed = meetingsCalendar(
      [meeting({}), meeting({ id: '0b7a4c1d-1111-4a2b-8c3d-4e5f6a7b8c9d', title: longTitle, endsAt: '2026-12-02T20:30:00.000Z' })],
      { name: 'Polity council meetings', meetingUrl, now },
    );
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid)).toEqual([
      '5f0c2f1e-8a37-4b54-9d7e-2f6a1f3c9b10@polity',
      '0b7a4c1d-1111-4a2b-8c3d-4e5f6a7b8c9d@polity',
    ]);
    expect(events[0].summary).toBe('City council: Budget, libraries; and more');
    expect(events[0].location).toBe('Town hall, room 2');
    expect(events[0].description).toContain('Line one\nLine two, with a comma');
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2026-12-01T20:00:00.000Z');
    expect(events[1].summary).toBe(`City council: ${longTitle}`);
    expect(events[1].endDate.toJSDate().toISOString()).toBe('2026-12-02T20:30:00.000Z');
  });

  it('uses CRLF and folds lines at 75 octets without splitting a character', () => {
    const feed = meetingsCalendar([meeting({ title: 'ø'.repeat(100) })], { name: 'x', meetingUrl, now });
    const lines = feed.split('\r\n');
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' ø'))).toBe(true);
    expect(feed).not.toContain('\uFFFD');
  });

  it('is an empty calendar when nothing is coming', () => {
    const calendar = new ICAL.Component(ICAL.parse(meetingsCalendar([], { name: 'x', meetingUrl, now })));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('marks a cancelled meeting so subscribed calendars strike it, with the reason and no stream', () => {
    const stream = { provider: 'youtube' as const, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', embedUrl: 'https://x' };
    const feed = meetingsCalendar(
      [meeting({ status: 'cancelled', cancellationReason: 'No quorum', stream }), meeting({ id: '0b7a4c1d-1111-4a2b-8c3d-4e5f6a7b8c9d' })],
      { name: 'x', meetingUrl, now },
    );
    const [cancelled, confirmed] = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(cancelled.getFirstPropertyValue('description'))).toMatch(/^Cancelled: No quorum\n\n/);
    expect(String(cancelled.getFirstPropertyValue('description'))).not.toContain('Watch live');
    expect(confirmed.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });
});
