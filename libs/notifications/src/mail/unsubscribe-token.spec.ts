import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const userId = '5f0c2f1e-8a37-4b54-9d7e-2f6a1f3c9b10';

  it('reads back what it signed', () => {
    expect(readUnsubscribeToken('secret', unsubscribeToken('secret', userId, 'comment_reply'))).toEqual({ userId, scope: 'comment_reply' });
    expect(readUnsubscribeToken('secret', unsubscribeToken('secret', userId, 'all'))).toEqual({ userId, scope: 'all' });
  });

  it('refuses another secret, a changed payload, and junk', () => {
    const token = unsubscribeToken('secret', userId, 'all');
    expect(readUnsubscribeToken('other', token)).toBeNull();
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(`00000000-0000-4000-8000-000000000000.all`).toString('base64url')}.${signature}`;
    expect(readUnsubscribeToken('secret', forged)).toBeNull();
    expect(readUnsubscribeToken('secret', 'nonsense')).toBeNull();
    expect(readUnsubscribeToken('secret', '')).toBeNull();
  });
});
