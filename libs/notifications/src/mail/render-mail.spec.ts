import { Translator } from '@polity/web';
import { mailWords, NOTIFICATION_TEXTS } from '../notification-texts';
import { type MailLinks, renderDigestMail, renderNotificationMail } from './render-mail';

const english = mailWords(new Translator('en', [NOTIFICATION_TEXTS]), 'Polity');

const links: MailLinks = {
  resourceUrl: (kind, id) => `https://city.example/${kind}/${id}`,
  unsubscribeUrl: 'https://city.example/api/v1/notifications/unsubscribe?token=t',
  unsubscribePageUrl: 'https://city.example/unsubscribe?token=t',
  preferencesUrl: 'https://city.example/me/notifications',
};
const onProposal = (title: string) => ({
  title,
  body: `${title}.`,
  resource: { kind: 'proposals', id: 'p1', title: 'Benches <by> the river' },
});

describe('renderDigestMail', () => {
  it('says what in the subject, groups by resource and collapses repeated lines', () => {
    const mail = renderDigestMail(
      'daily',
      [
        onProposal('New comment on “Benches”'),
        {
          title: 'Council decision on “Library hours”: approved',
          body: 'x',
          resource: { kind: 'threads', id: 't1', title: 'Library hours' },
        },
        onProposal('New comment on “Benches”'),
        onProposal('“Benches” was answered: accepted'),
        { title: 'A moderator decided about your comment: hide', body: 'x', resource: null },
      ],
      links,
      english,
    );
    expect(mail.subject).toBe('5 updates on “Benches <by> the river” and 2 more');
    expect(mail.text).toContain(
      'Benches <by> the river\n- New comment on “Benches” (×2)\n- “Benches” was answered: accepted\nhttps://city.example/proposals/p1',
    );
    expect(mail.text).toContain('Library hours\n- Council decision on “Library hours”: approved');
    expect(mail.text).toContain('About your contributions\n- A moderator decided about your comment: hide');
    expect(mail.text.match(/New comment on/g)).toHaveLength(1);
    expect(mail.html).toContain('Benches &lt;by&gt; the river');
    expect(mail.html).not.toContain('<by>');
    expect(mail.html.match(/<h3>/g)).toHaveLength(3);
    expect(mail.text).toContain(links.unsubscribePageUrl);
  });

  it('names the one resource when there is one', () => {
    expect(renderDigestMail('weekly', [onProposal('New comment on “Benches”')], links, english).subject).toBe(
      '1 update on “Benches <by> the river”',
    );
  });
});

describe('renderNotificationMail', () => {
  it('uses the title as subject and links the resource, escaped in HTML', () => {
    const mail = renderNotificationMail(
      { title: 'A reply to your comment on “<b>”', body: 'Someone replied <b>.', resource: { kind: 'proposals', id: 'p1', title: '<b>' } },
      links,
      english,
    );
    expect(mail.subject).toBe('A reply to your comment on “<b>”');
    expect(mail.text).toContain('https://city.example/proposals/p1');
    expect(mail.html).toContain('Someone replied &lt;b&gt;.');
    expect(mail.html).toContain('Unsubscribe from emails like this one');
  });
});

describe('mail in the recipient’s language', () => {
  it('writes a digest’s subject, intro and footer in French', () => {
    const french = mailWords(new Translator('fr', [NOTIFICATION_TEXTS]), 'Ville');
    const mail = renderDigestMail(
      'daily',
      [onProposal('Nouveau commentaire'), onProposal('Autre'), { title: 'Décision', body: 'x', resource: null }],
      links,
      french,
    );
    expect(mail.subject).toBe('3 nouvelles sur « Benches <by> the river » et 1 autre');
    expect(mail.text).toContain('Voici ce qui s’est passé depuis hier.');
    expect(mail.text).toContain('À propos de vos contributions');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('Ne plus recevoir aucun e-mail de Ville');
  });
});
