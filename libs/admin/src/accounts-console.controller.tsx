import { Body, Controller, Get, Header, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { GRANTABLE_ROLES, type GrantableRole, ROLES } from '@polity/contracts';
import { AdminAccountsService, CensusService, ListUsersQueryDto, UsersService } from '@polity/identity';
import { AuditLog, isUuid, ListAuditQueryDto, type Principal, SiteConfig } from '@polity/platform';
import {
  consoleBack,
  formText,
  HTML,
  pageTranslator,
  refusalOf,
  renderPage,
  seeOther,
  StaffOnly,
  type Translator,
  Web,
  type WebRequest,
  withNews,
  zonedToIso,
  Refused,
} from '@polity/web';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { ADMIN_CONSOLE_MESSAGES } from './admin-console.messages';
import { ADMIN_CONSOLE } from './admin-nav';
import { type AuditFilters, AuditPage } from './audit.page';
import { CensusPage } from './census.page';
import { UsersPage } from './users.page';

/** A census file of up to this size is read in the request, as the api's text/csv body is. */
const CENSUS_MAX_BYTES = 50 * 1024 * 1024;

/** The administrators' console for people: accounts and roles, the census, and the audit log. */
@StaffOnly('admin')
@Controller('staff/admin')
export class AccountsConsoleController {
  constructor(
    private readonly accounts: AdminAccountsService,
    private readonly users: UsersService,
    private readonly census: CensusService,
    private readonly audit: AuditLog,
    private readonly site: SiteConfig,
  ) {}

  @Get()
  start(@Res() response: Response): void {
    response.redirect(303, `${ADMIN_CONSOLE}/users`);
  }

  @Get('users')
  @Header('content-type', HTML)
  async userList(@Web() web: WebRequest, @Query() query: Record<string, unknown>): Promise<string> {
    const t = this.translator(web);
    const q = formText(query.q, 100).trim();
    const role = (ROLES as readonly string[]).includes(query.role as string) ? (query.role as string) : '';
    const cursor = formText(query.cursor, 200);
    const page = await this.accounts.list(
      Object.assign(new ListUsersQueryDto(), { limit: 50, ...(q && { q }), ...(role && { role }), ...(cursor && { cursor }) }),
    );
    return renderPage(
      <UsersPage
        t={t}
        siteName={this.site.name}
        web={web}
        q={q}
        role={role}
        users={page.items}
        nextCursor={page.nextCursor}
        news={query.news === 'saved' ? t.t('ac.users.saved') : undefined}
      />,
    );
  }

  /** The checked roles replace the person's grantable roles; an admin cannot take their own admin role away (the service says so). */
  @Post('users/:id/roles')
  @Header('content-type', HTML)
  async setRoles(
    @Web() web: WebRequest,
    @Param('id') id: string,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const sent = Array.isArray(form.roles) ? form.roles : form.roles === undefined ? [] : [form.roles];
    const roles = sent.filter((role): role is GrantableRole => (GRANTABLE_ROLES as readonly unknown[]).includes(role));
    const back = consoleBack(form.back, `${ADMIN_CONSOLE}/users`);
    try {
      await this.users.setRoles((web.principal as Principal).userId, isUuid(id) ? id : '00000000-0000-0000-0000-000000000000', roles);
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      const t = this.translator(web);
      const page = await this.accounts.list(Object.assign(new ListUsersQueryDto(), { limit: 50 }));
      return renderPage(
        <UsersPage
          t={t}
          siteName={this.site.name}
          web={{ ...web, path: `${ADMIN_CONSOLE}/users` }}
          q=""
          role=""
          users={page.items}
          nextCursor={page.nextCursor}
          refusal={<Refused t={t} message="ac.refused" detail={refusal.detail} />}
        />,
      );
    }
    return seeOther(response, withNews(back, 'saved'));
  }

  @Get('census')
  @Header('content-type', HTML)
  async censusPage(@Web() web: WebRequest, @Query() query: Record<string, unknown>): Promise<string> {
    const t = this.translator(web);
    const report =
      typeof query.rows === 'string'
        ? t.t('ac.census.report', {
            rows: Number(query.rows) || 0,
            added: Number(query.added) || 0,
            removed: Number(query.removed) || 0,
            secondary: t.t(query.secondary === 'postcode' ? 'ac.census.secondary.postcode' : 'ac.census.secondary.birth_date'),
          })
        : undefined;
    return renderPage(<CensusPage t={t} siteName={this.site.name} web={web} stats={await this.census.stats()} report={report} />);
  }

  /** A census file, read by the same service as the api's upload; its report comes back in the address. */
  @Post('census')
  @Header('content-type', HTML)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CENSUS_MAX_BYTES, files: 1 } }))
  async upload(
    @Web() web: WebRequest,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const t = this.translator(web);
    try {
      if (!file || file.buffer.length === 0) {
        response.status(422);
        return renderPage(
          <CensusPage t={t} siteName={this.site.name} web={web} stats={await this.census.stats()} refusal={t.t('ac.census.noFile')} />,
        );
      }
      const mode = form.mode === 'replace' ? 'replace' : 'merge';
      const report = await this.census.upload((web.principal as Principal).userId, file.buffer.toString('utf8'), mode);
      const query = new URLSearchParams({
        rows: String(report.rows),
        added: String(report.added),
        removed: String(report.removed),
        secondary: report.secondary,
      });
      return seeOther(response, `${ADMIN_CONSOLE}/census?${query.toString()}`);
    } catch (error) {
      const refusal = refusalOf(error);
      response.status(refusal.status);
      return renderPage(
        <CensusPage
          t={t}
          siteName={this.site.name}
          web={{ ...web, path: `${ADMIN_CONSOLE}/census` }}
          stats={await this.census.stats()}
          refusal={<Refused t={t} message="ac.refused" detail={refusal.detail} />}
        />,
      );
    }
  }

  @Get('audit')
  @Header('content-type', HTML)
  async auditPage(@Web() web: WebRequest, @Query() query: Record<string, unknown>): Promise<string> {
    const t = this.translator(web);
    const filters: AuditFilters = {
      action: formText(query.action, 80).trim(),
      actorId: formText(query.actorId, 60).trim(),
      targetKind: formText(query.targetKind, 60).trim(),
      targetId: formText(query.targetId, 120).trim(),
      from: formText(query.from, 16),
      to: formText(query.to, 16),
    };
    const from = filters.from ? zonedToIso(filters.from, web.timeZone) : undefined;
    const to = filters.to ? zonedToIso(filters.to, web.timeZone) : undefined;
    const dto = plainToInstance(ListAuditQueryDto, {
      limit: 50,
      ...Object.fromEntries(Object.entries(filters).filter(([key, value]) => value && !['from', 'to'].includes(key))),
      ...(from && { from }),
      ...(to && { to }),
      ...(typeof query.cursor === 'string' && query.cursor.length < 200 && { cursor: query.cursor }),
    });
    const invalid = [...new Set((await validate(dto)).map((error) => error.property))];
    if (from === null) invalid.push('from');
    if (to === null) invalid.push('to');
    const page = invalid.length > 0 ? { items: [], nextCursor: null } : await this.audit.list(dto);
    const actorIds = [...new Set(page.items.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])))];
    const actors = new Map(
      [...(await this.users.publicProfiles(actorIds)).entries()].map(([userId, profile]) => [userId, profile.displayName]),
    );
    return renderPage(
      <AuditPage
        t={t}
        siteName={this.site.name}
        web={web}
        filters={filters}
        entries={page.items}
        actors={actors}
        nextCursor={page.nextCursor}
        invalid={invalid}
      />,
    );
  }

  private translator(web: WebRequest): Translator {
    return pageTranslator(web, ADMIN_CONSOLE_MESSAGES);
  }
}
