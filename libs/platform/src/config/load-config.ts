import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { DEVELOPMENT_SECRETS, EnvironmentVariables } from './environment-variables';
import {
  AuthConfig,
  BudgetConfig,
  SurveyConfig,
  CouncilConfig,
  MailConfig,
  OpenDataConfig,
  SiteConfig,
  ModerationConfig,
  DatabaseConfig,
  HttpConfig,
  ParticipationConfig,
  PolityConfig,
  RateLimitConfig,
  RedisConfig,
  RuntimeConfig,
  WorkerConfig,
} from './polity-config';

/** A configuration problem, worded as one line that names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Environment = Record<string, string | undefined>;

/**
 * What kind of value a variable takes is said before its range: `API_PORT=abc` is "not an integer",
 * not "greater than 65535" (class-validator runs a property's decorators bottom-up).
 */
const KIND_CONSTRAINTS = ['isInt', 'isNumber', 'isBoolean', 'isIn', 'isUrl', 'isEmail', 'isString', 'matches'];

/** Values that may be secret (or hold one, as a URL's password) are never echoed back. */
const SECRET_VARIABLE = /SECRET|PASSWORD|KEY|_URL$/;

function describeProblem(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  const kind = KIND_CONSTRAINTS.find((name) => name in constraints);
  const message = (kind ? constraints[kind] : Object.values(constraints)[0]) ?? `${error.property} is invalid`;
  if (SECRET_VARIABLE.test(error.property)) return message;
  return `${message} (got ${JSON.stringify(String(error.value))})`;
}

/**
 * Default folders are per database (`polity-mail-polity` for the database `polity`), so two Polity
 * checkouts on one machine never read each other's mail, exports or snapshots.
 */
function temporaryFolder(purpose: string, databaseUrl: string): string {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'postgres';
  return join(tmpdir(), `polity-${purpose}-${database.replace(/[^A-Za-z0-9_-]/g, '_')}`);
}

const hostList = (value: string): string[] => (value === '' ? [] : value.split(','));

function validateEnvironment(env: Environment): EnvironmentVariables {
  // An empty variable means "use the default", as in most twelve-factor tools.
  const provided = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const variables = plainToInstance(EnvironmentVariables, provided, { exposeDefaultValues: true });
  const [error] = validateSync(variables, { whitelist: true });
  if (error) throw new ConfigError(`Invalid environment variable ${error.property}: ${describeProblem(error)}`);
  if ((variables.ADMIN_EMAIL === undefined) !== (variables.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid environment variable ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (variables.NODE_ENV === 'production') {
    for (const [name, developmentValue] of Object.entries(DEVELOPMENT_SECRETS)) {
      if (variables[name as keyof typeof DEVELOPMENT_SECRETS] === developmentValue) {
        throw new ConfigError(
          `Invalid environment variable ${name}: production mode refuses the development default; set a secret of your own`,
        );
      }
    }
    if (variables.PASSWORD_HASH_MEMORY_KIB < 19_456 || variables.PASSWORD_HASH_PASSES < 2) {
      throw new ConfigError(
        'Invalid environment variable PASSWORD_HASH_MEMORY_KIB: production mode hashes passwords with at least 19456 KiB and 2 passes',
      );
    }
    if (!variables.SMTP_URL) {
      throw new ConfigError('Invalid environment variable SMTP_URL: production mode sends mail over SMTP; set smtp://… or smtps://…');
    }
  }
  return variables;
}

/** Reads and validates the environment once; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Environment = process.env): PolityConfig {
  const v = validateEnvironment(env);
  const corsOrigins = v.CORS_ORIGINS === '*' ? '*' : v.CORS_ORIGINS.split(',');
  return {
    runtime: new RuntimeConfig(v.NODE_ENV, v.LOG_LEVEL, v.LOG_FORMAT ?? (v.NODE_ENV === 'development' ? 'pretty' : 'json')),
    http: new HttpConfig(v.HOST, v.API_PORT, v.WORKER_PORT, v.PUBLIC_URL.replace(/\/$/, ''), corsOrigins, v.TRUST_PROXY, v.HTTP_BODY_LIMIT),
    database: new DatabaseConfig(v.DATABASE_URL, v.DATABASE_POOL_SIZE, v.DATABASE_MIGRATE_ON_START, v.DATABASE_CREATE_IF_MISSING),
    redis: new RedisConfig(v.REDIS_URL, v.REDIS_PREFIX),
    auth: new AuthConfig(
      v.JWT_ACCESS_SECRET,
      v.JWT_ACCESS_TTL_SECONDS,
      v.REFRESH_TOKEN_TTL_SECONDS,
      v.CENSUS_HASH_KEY,
      v.UNSUBSCRIBE_SECRET,
      v.PSEUDONYM_SECRET,
      v.ADMIN_EMAIL && v.ADMIN_PASSWORD ? { email: v.ADMIN_EMAIL, password: v.ADMIN_PASSWORD } : null,
      { memoryKib: v.PASSWORD_HASH_MEMORY_KIB, passes: v.PASSWORD_HASH_PASSES },
    ),
    rateLimit: new RateLimitConfig(
      v.RATE_LIMIT_WINDOW_SECONDS,
      v.RATE_LIMIT_PER_IP,
      v.RATE_LIMIT_PER_USER,
      v.RATE_LIMIT_AUTH_PER_IP,
      v.LOGIN_MAX_FAILURES,
      v.AUTH_FAILURE_WINDOW_SECONDS,
      v.VERIFICATION_MAX_FAILURES,
      v.SOCKET_MESSAGES_PER_CONNECTION,
      v.SOCKET_MESSAGES_PER_ACCOUNT,
      v.SOCKET_CONNECTIONS_PER_IP,
    ),
    worker: new WorkerConfig(
      v.WORKER_CONCURRENCY,
      v.OUTBOX_POLL_INTERVAL_MS,
      v.OUTBOX_RETENTION_DAYS,
      v.JOB_LOCK_MS,
      v.JOB_RECOVERY_AFTER_MS,
    ),
    participation: new ParticipationConfig(
      v.PROPOSAL_SUPPORT_THRESHOLD.endsWith('%')
        ? { kind: 'share_of_verified', percent: Number(v.PROPOSAL_SUPPORT_THRESHOLD.slice(0, -1)) }
        : { kind: 'fixed', count: Number(v.PROPOSAL_SUPPORT_THRESHOLD) },
      v.PROPOSAL_SUPPORT_REQUIRES_VERIFIED,
    ),
    budgets: new BudgetConfig(v.BUDGET_INLINE_OUTCOME_MAX_BALLOTS, v.BUDGET_PHASE_CHECK_SECONDS),
    moderation: new ModerationConfig(v.MODERATION_MODE, v.MODERATION_REPORTS_TO_HOLD, v.MODERATION_APPEAL_DAYS, v.MODERATION_CLAIM_MINUTES),
    surveys: new SurveyConfig(v.SURVEY_MIN_GROUP_SIZE, v.EXPORT_DIR || temporaryFolder('exports', v.DATABASE_URL)),
    council: new CouncilConfig(hostList(v.COUNCIL_PEERTUBE_HOSTS), hostList(v.COUNCIL_HLS_HOSTS)),
    mail: new MailConfig(v.SMTP_URL || null, v.MAIL_FROM, v.MAIL_DROP_DIR || temporaryFolder('mail', v.DATABASE_URL)),
    openData: new OpenDataConfig(
      v.OPEN_DATA_DIR || temporaryFolder('open-data', v.DATABASE_URL),
      v.OPEN_DATA_RETENTION,
      v.OPEN_DATA_LICENSE,
    ),
    site: new SiteConfig(v.SITE_NAME, v.SITE_DEFAULT_LOCALE, v.SITE_BRAND_COLOUR.toLowerCase(), v.SITE_TIME_ZONE, v.SITE_LOGO_URL),
  };
}

/**
 * Loads `.env` from the working directory when present (real environment variables win), then
 * validates. On a bad variable it prints one line and exits, as a process should at start.
 */
export function loadConfigOrExit(): PolityConfig {
  try {
    process.loadEnvFile();
  } catch {
    // No .env file: the environment and the defaults are enough.
  }
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
