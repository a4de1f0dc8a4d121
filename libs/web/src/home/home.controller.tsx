import { Controller, Get, Header, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, SiteConfig } from '@polity/platform';
import { Layout } from '../page/layout';
import { pageTranslator } from '../page/page-translator';
import { HTML, renderPage } from '../page/render-page';
import { Web, type WebRequest } from '../page/web-request';
import { HomeSection, type HomeSectionProvider } from './home-section';

@ApiExcludeController()
@Public()
@Controller()
export class HomeController implements OnApplicationBootstrap {
  private sections: HomeSectionProvider[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly site: SiteConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sections = this.discovery
      .getProviders({ metadataKey: HomeSection.KEY })
      .map((wrapper) => ({
        provider: wrapper.instance as HomeSectionProvider,
        order: this.discovery.getMetadataByDecorator(HomeSection, wrapper)?.order ?? 0,
      }))
      .sort((a, b) => a.order - b.order)
      .map(({ provider }) => provider);
  }

  @Get()
  @Header('content-type', HTML)
  async home(@Web() web: WebRequest): Promise<string> {
    const t = pageTranslator(web, ...this.sections.map((section) => section.catalogue));
    const rendered = (await Promise.all(this.sections.map((section) => section.render(t)))).filter((section) => section !== null);
    return renderPage(
      <Layout t={t} siteName={this.site.name} web={web} title={t.t('home.title')} section="home">
        <p class="utrecht-paragraph utrecht-paragraph--lead">{t.t('home.intro', { site: this.site.name })}</p>
        {rendered.length > 0 ? rendered : <p class="utrecht-paragraph">{t.t('home.nothingOpen')}</p>}
      </Layout>,
    );
  }
}
