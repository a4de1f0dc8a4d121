import { Controller, Get, Header, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { hasRole, SiteConfig } from '@polity/platform';
import { Layout } from '../page/layout';
import { pageTranslator } from '../page/page-translator';
import { HTML, renderPage } from '../page/render-page';
import { Web, type WebRequest } from '../page/web-request';
import { StaffConsole, type StaffConsoleProvider } from './staff-console';
import { STAFF_DESK_ROLES, StaffOnly } from './staff-only';

/** The staff desk: the consoles this person's roles open, each with what it is for. */
@StaffOnly(...STAFF_DESK_ROLES)
@Controller('staff')
export class StaffDeskController implements OnApplicationBootstrap {
  private consoles: StaffConsoleProvider[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly site: SiteConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.consoles = this.discovery
      .getProviders({ metadataKey: StaffConsole.KEY })
      .map((wrapper) => ({
        provider: wrapper.instance as StaffConsoleProvider,
        order: this.discovery.getMetadataByDecorator(StaffConsole, wrapper)?.order ?? 0,
      }))
      .sort((a, b) => a.order - b.order)
      .map(({ provider }) => provider);
  }

  @Get()
  @Header('content-type', HTML)
  desk(@Web() web: WebRequest): string {
    const t = pageTranslator(web, ...this.consoles.map((console) => console.catalogue));
    const entries = this.consoles
      .filter((console) => hasRole(web.principal, 'admin', ...console.roles))
      .flatMap((console) => console.entries(t));
    return renderPage(
      <Layout t={t} siteName={this.site.name} web={web} title={t.t('staff.title')} section="staff">
        <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('staff.intro')}</p>
        <ul class="polity-list">
          {entries.map((entry) => (
            <li key={entry.href}>
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={entry.href}>
                  {entry.title}
                </a>
              </h2>
              <p class="utrecht-paragraph">{entry.description}</p>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  }
}
