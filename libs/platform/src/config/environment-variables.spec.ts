import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentVariables } from './environment-variables';
import { ConfigError, loadConfig } from './load-config';

const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
const documented = new Map([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1], match[2]] as const));

describe('configuration', () => {
  it('documents every variable in .env.example, with its default', () => {
    const defaults = new EnvironmentVariables() as unknown as Record<string, string | number | boolean | undefined>;
    const names = [...Object.keys(defaults), 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'LOG_FORMAT'];
    for (const name of new Set(names)) {
      expect(documented.has(name) ? name : `${name} is missing from .env.example`).toBe(name);
      if (defaults[name] !== undefined) expect(`${name}=${documented.get(name)}`).toBe(`${name}=${String(defaults[name])}`);
    }
  });

  it('loads the defaults for local development', () => {
    const config = loadConfig({});
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/polity');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379/0');
    expect(config.http.apiPort).toBe(3000);
    expect(config.auth.initialAdmin).toBeNull();
    expect(config.mail.smtpUrl).toBeNull();
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({ API_PORT: '8080', DATABASE_MIGRATE_ON_START: 'false', CORS_ORIGINS: '*' });
    expect(config.http.apiPort).toBe(8080);
    expect(config.database.migrateOnStart).toBe(false);
    expect(config.http.corsOrigins).toBe('*');
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'not a url'],
    ['API_PORT', 'eighty'],
    ['JWT_ACCESS_SECRET', 'short'],
    ['DATABASE_MIGRATE_ON_START', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['SITE_TIME_ZONE', 'Mars/Olympus'],
    ['SITE_LOGO_URL', 'http://insecure.example/logo.png'],
  ])('refuses a malformed %s with one line naming it', (name, value) => {
    let thrown: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as Error).message;
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
  });

  it('says what is wrong with a value, not a rule it would break once it were a number', () => {
    expect(() => loadConfig({ API_PORT: 'abc' })).toThrow(
      'Invalid environment variable API_PORT: API_PORT must be an integer number (got "abc")',
    );
    expect(() => loadConfig({ API_PORT: '70000' })).toThrow('API_PORT must not be greater than 65535 (got "70000")');
    expect(() => loadConfig({ JWT_ACCESS_SECRET: 'short' })).toThrow(/^(?!.*short).*JWT_ACCESS_SECRET/);
  });

  it('writes readable logs in development and JSON elsewhere unless told', () => {
    expect(loadConfig({}).runtime.logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).runtime.logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }).runtime.logFormat).toBe('json');
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET.*production/);
    const secrets = {
      JWT_ACCESS_SECRET: 'a'.repeat(40),
      CENSUS_HASH_KEY: 'b'.repeat(40),
      UNSUBSCRIBE_SECRET: 'c'.repeat(40),
      PSEUDONYM_SECRET: 'd'.repeat(40),
      SMTP_URL: 'smtp://mail.example.org:587',
    };
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).runtime.isProduction).toBe(true);
    // Mail dropped into a folder is for development; production needs a real server.
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, SMTP_URL: '' })).toThrow(/SMTP_URL.*production/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, CENSUS_HASH_KEY: undefined })).toThrow(/CENSUS_HASH_KEY/);
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'admin@example.org' })).toThrow(/ADMIN_PASSWORD/);
    expect(loadConfig({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'long enough pw' }).auth.initialAdmin).toEqual({
      email: 'admin@example.org',
      password: 'long enough pw',
    });
  });
});
