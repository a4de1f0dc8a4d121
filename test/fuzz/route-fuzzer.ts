import http from 'node:http';
import fc from 'fast-check';
import type { GrantableRole, Role } from '@polity/contracts';
import { UsersService } from '@polity/identity';
import { type RunningApp, signIn } from '@polity/testing';
import { DataSource } from 'typeorm';
import { type OpenApiDocument, type Operation, operationsOf } from './operations';
import { type FuzzRequest, requestsFor } from './requests';
import { CALLERS, type CallerName, type World } from './world';

export interface Failure {
  kind: '5xx' | 'not_problem_json' | 'leak' | 'forbidden_success' | 'no_response';
  caller: CallerName;
  request: string;
  status: number;
  detail: string;
}

export interface FuzzReport {
  requests: number;
  routes: number;
  routesCovered: number;
  statuses: Record<string, number>;
  failures: Failure[];
}

interface Response {
  status: number;
  contentType: string;
  text: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(baseUrl: string, request: FuzzRequest, token: string | undefined): Promise<Response> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        agent,
        host: hostname,
        port,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(request.body ? { 'content-length': request.body.length } : {}),
        },
        timeout: 30_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    if (request.body) outgoing.write(request.body);
    outgoing.end();
  });
}

/**
 * Sends generated requests to every documented route as every kind of caller, and checks what a
 * public api must never do: fail with a 5xx, answer an error without problem+json, show one
 * person's data to another, or let a caller do what their role or ownership does not allow.
 */
export class RouteFuzzer {
  private readonly operations: Operation[];
  private readonly arbitraries = new Map<Operation, fc.Arbitrary<FuzzRequest>>();
  private readonly tokens = new Map<CallerName, string>();
  private readonly db: DataSource;

  constructor(
    private readonly api: RunningApp,
    private readonly document: OpenApiDocument,
    private readonly world: World,
  ) {
    this.operations = operationsOf(document);
    this.db = api.app.get(DataSource);
    for (const [name, user] of Object.entries(world.users)) this.tokens.set(name as CallerName, user.accessToken);
  }

  async run(requests: number, seed: number): Promise<FuzzReport> {
    const order = fc.sample(fc.shuffledSubarray(this.operations, { minLength: this.operations.length }), { numRuns: 1, seed })[0];
    const report: FuzzReport = { requests: 0, routes: order.length, routesCovered: 0, statuses: {}, failures: [] };
    const covered = new Set<Operation>();
    for (let i = 0; i < requests; i++) {
      if (i % 250 === 0) await this.restoreCallers();
      const operation = order[i % order.length];
      const caller = CALLERS[(Math.floor(i / order.length) + (i % order.length)) % CALLERS.length];
      const request = this.aimAtOwned(operation, fc.sample(this.arbitraryFor(operation), { numRuns: 1, seed: seed + i })[0], i);
      covered.add(operation);
      report.requests += 1;
      const failure = await this.check(operation, caller, request);
      if (failure.status) report.statuses[String(failure.status)] = (report.statuses[String(failure.status)] ?? 0) + 1;
      if (failure.problem) report.failures.push(failure.problem);
    }
    report.routesCovered = covered.size;
    return report;
  }

  /** Every other request to a route that changes the victim's things goes to exactly those things. */
  private aimAtOwned(operation: Operation, request: FuzzRequest, i: number): FuzzRequest {
    const template = new RegExp(`^${operation.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const owned = this.world.owned.filter((route) => route.method === operation.method && template.test(route.path));
    if (owned.length === 0 || i % 2 === 0) return request;
    const query = request.path.includes('?') ? request.path.slice(request.path.indexOf('?')) : '';
    return { ...request, path: `${owned[i % owned.length].path}${query}` };
  }

  private arbitraryFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
    let arbitrary = this.arbitraries.get(operation);
    if (!arbitrary) {
      arbitrary = requestsFor(this.document, operation, this.world.pool);
      this.arbitraries.set(operation, arbitrary);
    }
    return arbitrary;
  }

  private async check(operation: Operation, caller: CallerName, request: FuzzRequest): Promise<{ status: number; problem?: Failure }> {
    const describe = `${request.method} ${request.path.slice(0, 200)}`;
    let response: Response;
    try {
      response = await send(this.api.url, request, this.tokens.get(caller));
    } catch (error) {
      return { status: 0, problem: { kind: 'no_response', caller, request: describe, status: 0, detail: String(error) } };
    }
    const fail = (kind: Failure['kind'], detail: string) => ({
      status: response.status,
      problem: { kind, caller, request: describe, status: response.status, detail: detail.slice(0, 300) },
    });
    if (response.status >= 500) return fail('5xx', response.text);
    if (response.status >= 400 && !response.contentType.startsWith('application/problem+json'))
      return fail('not_problem_json', response.contentType);
    const leak = this.leakIn(caller, request, response.text);
    if (leak) return fail('leak', `response holds ${leak}`);
    if (response.status < 300) {
      const why = await this.forbiddenSuccess(operation, caller, request);
      if (why) return fail('forbidden_success', why);
    }
    if (response.status === 401 && caller !== 'anonymous' && response.text.includes('invalid_token')) await this.signInAgain(caller);
    return { status: response.status };
  }

  /** A marker in the response that the caller may not read (an echo of the request itself does not count). */
  private leakIn(caller: CallerName, request: FuzzRequest, text: string): string | null {
    const callerId = caller === 'anonymous' ? null : this.world.users[caller].id;
    const sent = `${decodeURIComponent(request.path.replace(/%(?![0-9a-fA-F]{2})/g, '%25'))} ${request.body?.toString('utf8') ?? ''}`;
    for (const marker of this.world.markers) {
      if (!text.includes(marker.text) || sent.includes(marker.text)) continue;
      if (marker.ownerId !== null && marker.ownerId === callerId) continue;
      if (marker.adminsMaySee && caller === 'admin') continue;
      return `a marker of ${marker.ownerId ?? 'nobody'}`;
    }
    return null;
  }

  private async forbiddenSuccess(operation: Operation, caller: CallerName, request: FuzzRequest): Promise<string | null> {
    if (caller === 'anonymous') return operation.public ? null : 'an anonymous caller succeeded on a signed-in route';
    const path = request.path.split('?')[0];
    const owned = this.world.owned.find((route) => route.method === request.method && route.path === path);
    if (owned && owned.ownerId !== this.world.users[caller].id) return `${caller} changed the victim's resource`;
    if (operation.roles.length === 0 || operation.public) return null;
    const roles = await this.rolesNow(caller);
    return roles.includes('admin') || operation.roles.some((role) => roles.includes(role))
      ? null
      : `${caller} (${roles.join(', ')}) passed a ${operation.roles.join('/')} route`;
  }

  private async rolesNow(caller: Exclude<CallerName, 'anonymous'>): Promise<Role[]> {
    const [row] = await this.db.query<{ roles: Role[] }[]>('SELECT roles FROM user_account WHERE id = $1', [this.world.users[caller].id]);
    return row?.roles ?? [];
  }

  private async signInAgain(caller: Exclude<CallerName, 'anonymous'>): Promise<void> {
    const user = await signIn(this.api, this.world.users[caller]).catch(() => null);
    if (user) this.tokens.set(caller, user.accessToken);
  }

  /** Admins among the callers may have changed roles or blocked people: everyone gets their part back. */
  private async restoreCallers(): Promise<void> {
    const users = this.api.app.get(UsersService);
    for (const [name, roles] of Object.entries(this.world.grantedRoles)) {
      const user = this.world.users[name as Exclude<CallerName, 'anonymous'>];
      await users.setRoles(
        this.world.users.admin.id,
        user.id,
        roles.filter((role): role is GrantableRole => role !== 'citizen'),
      );
      await this.db.query('UPDATE moderation_block SET lifted_at = now() WHERE user_id = $1 AND lifted_at IS NULL', [user.id]);
    }
  }
}
