import { NOTIFICATION_KINDS } from '@polity/contracts';
import { catalogueProblems, Translator } from '@polity/web';
import { NOTIFICATION_TEXTS, writeNotification } from './notification-texts';

describe('notification texts', () => {
  it('have every key in every locale, each a message ICU parses, for every kind', () => {
    expect(catalogueProblems(NOTIFICATION_TEXTS)).toEqual([]);
    for (const kind of NOTIFICATION_KINDS) expect(Object.keys(NOTIFICATION_TEXTS.fr)).toContain(`notification.${kind}.title`);
  });

  it('writes a notification in the reader’s language from its params, and keeps the English of one without', () => {
    const stored = { kind: 'proposal_answered' as const, title: 'x', body: 'y', params: { title: 'Benches', status: 'accepted' } };
    expect(writeNotification(new Translator('fr', [NOTIFICATION_TEXTS]), stored)).toEqual({
      title: '« Benches » a reçu une réponse : acceptée',
      body: 'Le conseil a répondu à « Benches » : elle est maintenant acceptée.',
      lang: 'fr',
    });
    expect(writeNotification(new Translator('fr', [NOTIFICATION_TEXTS]), { ...stored, params: {} })).toEqual({
      title: 'x',
      body: 'y',
      lang: 'en',
    });
    const moderated = {
      kind: 'moderation_decision' as const,
      title: '',
      body: '',
      params: { what: 'comments', action: 'hide', final: true },
    };
    expect(writeNotification(new Translator('en', [NOTIFICATION_TEXTS]), moderated)).toEqual({
      title: 'A moderator decided about your comment: hidden',
      body: 'This decision is final.',
      lang: 'en',
    });
  });
});
