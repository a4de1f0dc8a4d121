import { createTransport } from 'nodemailer';
import { decodeMail } from './dropped-mail';

async function asWritten(message: { subject: string; text: string; html: string }): Promise<string> {
  const transport = createTransport({ streamTransport: true, buffer: true });
  const sent = (await transport.sendMail({ from: 'Polity <no-reply@polity.localhost>', to: 'zoë@example.org', ...message })) as {
    message: Buffer;
  };
  return sent.message.toString('latin1');
}

describe('reading a dropped message', () => {
  it('gives back the text and its links whole, although the file cuts them into quoted-printable lines', async () => {
    const link = `http://localhost:3000/api/v1/pages/confirm-email?token=${'x'.repeat(120)}`;
    const raw = await asWritten({
      subject: 'Confirmez votre adresse — Polity',
      text: `Bonjour Zoë,\n\nConfirm your address: ${link}\n`,
      html: `<p>Confirm: <a href="${link}">link</a></p>`,
    });
    expect(raw).not.toContain(link);
    const mail = decodeMail('message.eml', raw);
    expect(mail.subject).toBe('Confirmez votre adresse — Polity');
    expect(mail.to).toContain('example.org');
    expect(mail.text).toContain('Bonjour Zoë,');
    expect(mail.links).toEqual([link]);
  });
});
