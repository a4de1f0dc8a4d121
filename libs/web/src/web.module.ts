import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AssetsController } from './page/assets.controller';
import { LanguageController } from './page/language.controller';
import { WebRequestMiddleware } from './page/web-request.middleware';
import { HomeController } from './home/home.controller';
import { SiteTheme } from './theme/site-theme';

/** The web site's shell: home page, language switcher, style sheets, and the language of every page. */
@Module({
  controllers: [HomeController, LanguageController, AssetsController],
  providers: [SiteTheme],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(WebRequestMiddleware)
      .exclude({ path: 'api/{*rest}', method: RequestMethod.ALL }, { path: 'health/{*rest}', method: RequestMethod.ALL })
      .forRoutes({ path: '{*rest}', method: RequestMethod.ALL });
  }
}
