/**
 * The validated configuration, split by concern. Each section is its own injectable class so a
 * service asks only for what it uses (`constructor(private readonly auth: AuthConfig)`).
 */
export class RuntimeConfig {
  constructor(
    readonly environment: 'development' | 'test' | 'production',
    readonly logLevel: string,
    /** `pretty`: one readable line per event (the development default); `json`: one JSON object per line. */
    readonly logFormat: 'pretty' | 'json' = 'json',
  ) {}

  get isProduction(): boolean {
    return this.environment === 'production';
  }
}

export class HttpConfig {
  constructor(
    readonly host: string,
    readonly apiPort: number,
    readonly workerPort: number,
    readonly publicUrl: string,
    readonly corsOrigins: string[] | '*',
    readonly trustProxy: boolean,
    readonly bodyLimit: string,
  ) {}
}

export class DatabaseConfig {
  constructor(
    readonly url: string,
    readonly poolSize: number,
    readonly migrateOnStart: boolean,
    readonly createIfMissing: boolean,
  ) {}
}

export class RedisConfig {
  constructor(
    readonly url: string,
    /** Namespaces every key, queue and pub/sub channel, so two deployments can share a server. */
    readonly prefix: string,
  ) {}
}

export class AuthConfig {
  constructor(
    readonly accessTokenSecret: string,
    readonly accessTokenTtlSeconds: number,
    readonly refreshTokenTtlSeconds: number,
    readonly censusHashKey: string,
    readonly unsubscribeSecret: string,
    /** Keys the hash that turns ids into stable pseudonyms in exports and open data. */
    readonly pseudonymSecret: string,
    readonly initialAdmin: { email: string; password: string } | null,
    /** argon2id cost: memory in KiB and passes (production refuses less than OWASP's minimum, 19 MiB and 2). */
    readonly passwordHash: { memoryKib: number; passes: number },
  ) {}
}

export class RateLimitConfig {
  constructor(
    readonly windowSeconds: number,
    readonly perIp: number,
    readonly perUser: number,
    readonly authPerIp: number,
    readonly loginMaxFailures: number,
    readonly failureWindowSeconds: number,
    readonly verificationMaxFailures: number,
    /** Socket.IO messages (subscribe, unsubscribe, authenticate) per window, per connection and per account. */
    readonly socketMessagesPerConnection: number,
    readonly socketMessagesPerAccount: number,
    /** New Socket.IO connections per window from one address. */
    readonly socketConnectionsPerIp: number,
  ) {}
}

export class WorkerConfig {
  constructor(
    readonly concurrency: number,
    readonly outboxPollIntervalMs: number,
    readonly outboxRetentionDays: number,
    readonly jobLockMs: number,
    /** A job recorded in PostgreSQL this long ago that Redis no longer holds is queued again. */
    readonly jobRecoveryAfterMs: number,
  ) {}
}

export class ParticipationConfig {
  constructor(
    /** Supports a proposal needs to reach its threshold: fixed, or a share of verified residents. */
    readonly supportThreshold: { kind: 'fixed'; count: number } | { kind: 'share_of_verified'; percent: number },
    readonly supportRequiresVerified: boolean,
  ) {}

  thresholdFor(verifiedResidents: number): number {
    const threshold = this.supportThreshold;
    return threshold.kind === 'fixed' ? threshold.count : Math.max(1, Math.ceil((verifiedResidents * threshold.percent) / 100));
  }
}

export class BudgetConfig {
  constructor(
    /** Outcomes over at most this many ballots are computed in the request; larger ones by a worker job. */
    readonly inlineOutcomeMaxBallots: number,
    /** How often the worker moves budgets whose scheduled phase has come. */
    readonly phaseCheckSeconds: number,
  ) {}
}

export class ModerationConfig {
  constructor(
    /** `post`: contributions show at once and screening may hold them; `pre`: held until screened. */
    readonly mode: 'post' | 'pre',
    /** Distinct people whose reports hold an item for review. */
    readonly reportsToHold: number,
    readonly appealDays: number,
    /** How long a moderator's claim on an item keeps others off it. */
    readonly claimMinutes: number,
  ) {}
}

export class SurveyConfig {
  constructor(
    /** Results for a group of fewer respondents than this show no breakdown (small-cell suppression). */
    readonly minGroupSize: number,
    /** A folder both the api and the worker reach (a shared volume when they run apart). */
    readonly exportDir: string,
  ) {}
}

export class CouncilConfig {
  constructor(
    /** PeerTube instances whose videos meetings may embed (PeerTube is federated: any host could claim to be one). */
    readonly peertubeHosts: readonly string[],
    /** Hosts allowed to serve a meeting's HLS stream (`https://<host>/….m3u8`). */
    readonly hlsHosts: readonly string[],
  ) {}
}

export class MailConfig {
  constructor(
    /** `smtp://host:port` or `smtps://user:pass@host:465`; null drops messages into {@link dropFolder}. */
    readonly smtpUrl: string | null,
    /** The From header of every message, e.g. `Polity <no-reply@example.org>`. */
    readonly from: string,
    /** Where messages are written as `.eml` files when there is no SMTP server (development). */
    readonly dropFolder: string,
  ) {}
}

export class OpenDataConfig {
  constructor(
    /** Where published snapshots live (a shared volume when api and worker run apart). */
    readonly dir: string,
    /** How many published snapshots to keep; older ones are deleted. */
    readonly retention: number,
    /** The licence of the published data, as an SPDX id. */
    readonly license: string,
  ) {}
}

/** What the web site shows of the municipality: its name, its default language, its colour. */
export class SiteConfig {
  constructor(
    readonly name: string,
    readonly defaultLocale: 'en' | 'fr',
    readonly brandColour: string,
    readonly timeZone = 'UTC',
    /** Empty: no logo. */
    readonly logoUrl = '',
  ) {}
}

export interface PolityConfig {
  runtime: RuntimeConfig;
  http: HttpConfig;
  database: DatabaseConfig;
  redis: RedisConfig;
  auth: AuthConfig;
  rateLimit: RateLimitConfig;
  worker: WorkerConfig;
  participation: ParticipationConfig;
  budgets: BudgetConfig;
  moderation: ModerationConfig;
  surveys: SurveyConfig;
  council: CouncilConfig;
  mail: MailConfig;
  openData: OpenDataConfig;
  site: SiteConfig;
}
