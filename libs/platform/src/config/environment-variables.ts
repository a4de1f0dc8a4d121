import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, IsTimeZone } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  return value;
};

const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Empty, or comma-separated lower-case host names. */
const HOST_LIST = /^([a-z0-9.-]+(,[a-z0-9.-]+)*)?$/;

/** Secrets that ship in the repository for local development; production refuses them. */
export const DEVELOPMENT_SECRETS = {
  JWT_ACCESS_SECRET: 'development-access-secret-change-me-0123456789',
  CENSUS_HASH_KEY: 'development-census-key-change-me-0123456789',
  UNSUBSCRIBE_SECRET: 'development-unsubscribe-secret-change-me-0123',
  PSEUDONYM_SECRET: 'development-pseudonym-secret-change-me-012345',
} as const;

/**
 * Every environment variable Polity reads, with its default. `.env.example` lists the same
 * variables with their meaning; `environment-variables.spec.ts` keeps the two in step.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Unset: `pretty` in development, `json` otherwise. */
  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  @Matches(/^(\*|[^,\s]+(,[^,\s]+)*)$/, { message: 'CORS_ORIGINS must be * or a comma-separated list of origins' })
  CORS_ORIGINS = 'http://localhost:3000,http://localhost:5173';

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  @Matches(/^1?\d{1,2}mb$|^\d{1,4}kb$/, { message: 'HTTP_BODY_LIMIT must look like 512kb or 1mb' })
  HTTP_BODY_LIMIT = '1mb';

  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'], require_protocol: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/polity';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_MIGRATE_ON_START = true;

  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_CREATE_IF_MISSING = true;

  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'], require_protocol: true })
  REDIS_URL = 'redis://127.0.0.1:6379/0';

  @Matches(/^[a-z0-9][a-z0-9-]{0,40}$/, { message: 'REDIS_PREFIX must be lowercase letters, digits and dashes' })
  REDIS_PREFIX = 'polity';

  @IsString()
  @MinLength(32)
  JWT_ACCESS_SECRET: string = DEVELOPMENT_SECRETS.JWT_ACCESS_SECRET;

  @Transform(toInteger)
  @IsInt()
  @Min(30)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInteger)
  @IsInt()
  @Min(300)
  @Max(31_536_000)
  REFRESH_TOKEN_TTL_SECONDS = 2_592_000;

  @IsString()
  @MinLength(32)
  CENSUS_HASH_KEY: string = DEVELOPMENT_SECRETS.CENSUS_HASH_KEY;

  @IsString()
  @MinLength(32)
  UNSUBSCRIBE_SECRET: string = DEVELOPMENT_SECRETS.UNSUBSCRIBE_SECRET;

  @IsString()
  @MinLength(32)
  PSEUDONYM_SECRET: string = DEVELOPMENT_SECRETS.PSEUDONYM_SECRET;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  ADMIN_PASSWORD?: string;

  /** argon2id memory per password hash, in KiB (OWASP's minimum, 19 MiB, by default). */
  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(1_048_576)
  PASSWORD_HASH_MEMORY_KIB = 19_456;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10)
  PASSWORD_HASH_PASSES = 2;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_IP = 300;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_USER = 600;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_IP = 30;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  AUTH_FAILURE_WINDOW_SECONDS = 900;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  VERIFICATION_MAX_FAILURES = 5;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  SOCKET_MESSAGES_PER_CONNECTION = 120;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  SOCKET_MESSAGES_PER_ACCOUNT = 600;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  SOCKET_CONNECTIONS_PER_IP = 60;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 5;

  @Transform(toInteger)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_DAYS = 7;

  /** How long a running job's lock lasts before another worker takes the job over as stalled. */
  @Transform(toInteger)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  JOB_LOCK_MS = 30_000;

  /**
   * How old a queued job's PostgreSQL record may grow before the worker checks that Redis still
   * holds the job, and queues it again if not (Redis restarted empty).
   */
  @Transform(toInteger)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  JOB_RECOVERY_AFTER_MS = 30_000;

  /** A number of supports, or a percentage of verified residents such as `1%`. */
  @Matches(/^(\d{1,9}|\d{1,2}(\.\d{1,2})?%)$/, { message: 'PROPOSAL_SUPPORT_THRESHOLD must be a whole number or a percentage such as 1%' })
  PROPOSAL_SUPPORT_THRESHOLD = '1%';

  @Transform(toBoolean)
  @IsBoolean()
  PROPOSAL_SUPPORT_REQUIRES_VERIFIED = false;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  BUDGET_INLINE_OUTCOME_MAX_BALLOTS = 20_000;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3600)
  BUDGET_PHASE_CHECK_SECONDS = 30;

  @IsIn(['post', 'pre'])
  MODERATION_MODE: 'post' | 'pre' = 'post';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1000)
  MODERATION_REPORTS_TO_HOLD = 3;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(365)
  MODERATION_APPEAL_DAYS = 14;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1440)
  MODERATION_CLAIM_MINUTES = 15;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  SURVEY_MIN_GROUP_SIZE = 5;

  /** Where worker-built exports are written and the api reads them from; empty means the system's temp folder. */
  @IsString()
  EXPORT_DIR = '';

  /** Comma-separated host names, e.g. `videos.example-city.org,framatube.org`. */
  @IsString()
  @Matches(HOST_LIST)
  COUNCIL_PEERTUBE_HOSTS = '';

  @IsString()
  @Matches(HOST_LIST)
  COUNCIL_HLS_HOSTS = '';

  /** Empty: no SMTP server; each message is written as an `.eml` file into MAIL_DROP_DIR (refused in production). */
  @Matches(/^(smtps?:\/\/\S+)?$/, { message: 'SMTP_URL must be smtp://host:port or smtps://…' })
  SMTP_URL = '';

  /** Where messages go while SMTP_URL is empty; empty means a folder in the system's temp folder. */
  @IsString()
  MAIL_DROP_DIR = '';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Polity <no-reply@polity.localhost>';

  /** The municipality's name as the web site shows it. */
  @IsString()
  @MinLength(1)
  SITE_NAME = 'Polity';

  @IsIn(['en', 'fr'])
  SITE_DEFAULT_LOCALE: 'en' | 'fr' = 'en';

  /** The site's brand colour (links, buttons, header): refused at start when white on it, or it on white, is below WCAG AA contrast. */
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'SITE_BRAND_COLOUR must be a colour like #1d4f91' })
  SITE_BRAND_COLOUR = '#1d4f91';

  /** The municipality's logo, shown before its name in every page's header: an https address or a path on this site; empty for none. */
  @Matches(/^(|https:\/\/\S+|\/[^/\s]\S*)$/, { message: 'SITE_LOGO_URL must be an https:// address or a path such as /assets/logo.svg' })
  SITE_LOGO_URL = '';

  /** The time zone the site's dates and times are shown in (an IANA name such as Europe/Paris). */
  @IsTimeZone({ message: 'SITE_TIME_ZONE must be an IANA time zone such as Europe/Paris' })
  SITE_TIME_ZONE = 'UTC';

  /** Empty: a folder in the system's temporary directory. */
  @IsString()
  OPEN_DATA_DIR = '';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(365)
  OPEN_DATA_RETENTION = 7;

  @Matches(/^[A-Za-z0-9.+-]+$/)
  OPEN_DATA_LICENSE = 'CC-BY-4.0';
}
