// Settings for a stack that a load generator drives (the benchmarks, `npm run chaos`, `npm run soak`).
// Every load client connects from 127.0.0.1: the per-address and per-account limits would refuse all
// but the first few, which is what they are for in production. No proposal reaches its threshold.
module.exports.LOAD_CLIENT_LIMITS = {
  RATE_LIMIT_PER_IP: '100000000',
  RATE_LIMIT_PER_USER: '100000000',
  RATE_LIMIT_AUTH_PER_IP: '100000000',
  SOCKET_CONNECTIONS_PER_IP: '100000000',
  SOCKET_MESSAGES_PER_CONNECTION: '100000000',
  SOCKET_MESSAGES_PER_ACCOUNT: '100000000',
  PROPOSAL_SUPPORT_THRESHOLD: '1000000',
  OUTBOX_POLL_INTERVAL_MS: '200',
};
