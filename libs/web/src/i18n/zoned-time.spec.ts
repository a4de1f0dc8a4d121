import { isoToZoned, zonedToIso } from './zoned-time';

describe('a form’s date and time in the site’s zone', () => {
  it('reads winter and summer times with their own offsets', () => {
    expect(zonedToIso('2027-01-15T18:30', 'Europe/Paris')).toBe('2027-01-15T17:30:00.000Z');
    expect(zonedToIso('2027-07-15T18:30', 'Europe/Paris')).toBe('2027-07-15T16:30:00.000Z');
    expect(zonedToIso('2027-07-15T18:30', 'UTC')).toBe('2027-07-15T18:30:00.000Z');
  });

  it('writes an instant back as the same wall-clock time', () => {
    expect(isoToZoned('2027-07-15T16:30:00.000Z', 'Europe/Paris')).toBe('2027-07-15T18:30');
    expect(isoToZoned(zonedToIso('2027-03-28T09:00', 'Europe/Paris') ?? '', 'Europe/Paris')).toBe('2027-03-28T09:00');
  });

  it('refuses what is no date and time', () => {
    expect(zonedToIso('2027-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedToIso('tomorrow', 'UTC')).toBeNull();
  });
});
