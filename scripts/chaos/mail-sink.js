// The mail server of a chaos or soak run: it accepts every message and notes which notification it
// was (its Message-ID names it) and when it arrived.
const { SMTPServer } = require('smtp-server');

async function startMailSink(port) {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => (head += head.length < 16_384 ? chunk.toString() : ''));
      stream.on('end', () => {
        mails.push({ notificationId: /^Message-ID:\s*<notification-([0-9a-f-]{36})@/im.exec(head)?.[1], at: Date.now() });
        callback();
      });
    },
  });
  // A client that dies mid-message (a worker killed) resets its connection: that is the fault under test.
  server.on('error', () => undefined);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { mails, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { startMailSink };
