import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expectEventually } from './expect-eventually';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Raw header values by lower-case name. */
  headers: Map<string, string>;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  messages: CaughtMail[];
  /** Messages to one address so far. */
  to(address: string): CaughtMail[];
  /** Waits for a message to this address that matches, and returns it. */
  next(address: string, accept?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

const rawHeaders = (parsed: ParsedMail): Map<string, string> =>
  new Map(
    parsed.headerLines.map(({ key, line }) => [
      key,
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim(),
    ]),
  );

/** A real SMTP server on an ephemeral port that keeps every message it accepts, parsed. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          for (const recipient of session.envelope.rcptTo) {
            messages.push({
              to: recipient.address.toLowerCase(),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: rawHeaders(parsed),
            });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  const to = (address: string) => messages.filter((mail) => mail.to === address.toLowerCase());
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    async next(address, accept = () => true, timeoutMs = 10_000) {
      let found: CaughtMail | undefined;
      await expectEventually(() => {
        found = to(address).find(accept);
        if (!found) throw new Error(`no matching mail to ${address}`);
      }, timeoutMs);
      return found as CaughtMail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
