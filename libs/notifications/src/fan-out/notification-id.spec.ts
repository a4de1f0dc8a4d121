import { notificationId } from './notification-id';

describe('notificationId', () => {
  const event = '0b3f0c4e-8a55-4d2b-9d0e-2f7d1c9a6b11';
  const user = 'c7a1e2d4-5b6f-4a8c-9e0d-1f2a3b4c5d6e';

  it('is a version 5 UUID of the event and the recipient, the same every time', () => {
    const id = notificationId(event, user);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(notificationId(event, user)).toBe(id);
  });

  it('differs for another recipient or another event', () => {
    const id = notificationId(event, user);
    expect(notificationId(event, event)).not.toBe(id);
    expect(notificationId(user, user)).not.toBe(id);
  });
});
