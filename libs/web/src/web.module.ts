import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AssetsController } from './page/assets.controller';
import { LanguageController } from './page/language.controller';
import { PreviewController } from './page/preview.controller';
import { WebRequestMiddleware } from './page/web-request.middleware';
import { HomeController } from './home/home.controller';
import { BroadcastModule } from '@polity/realtime';
import { LivePages } from './live/live-pages';
import { ErrorPages } from '@polity/platform';
import { WebErrorPages } from './page/error-pages';
import { WebSessions } from './session/web-sessions';
import { SiteTheme } from './theme/site-theme';
import { StaffDeskController } from './staff/staff-desk.controller';
import { StaffPagesGuard } from './staff/staff-only';

/** The web site's shell: home page, language switcher, style sheets, and the language of every page. */
@Module({
  imports: [BroadcastModule],
  controllers: [HomeController, LanguageController, AssetsController, PreviewController, StaffDeskController],
  providers: [SiteTheme, WebSessions, LivePages, StaffPagesGuard, { provide: ErrorPages, useClass: WebErrorPages }],
  exports: [WebSessions, LivePages, StaffPagesGuard],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every path: the middleware itself passes the api's by, since a route pattern can miss a raw path.
    consumer.apply(WebRequestMiddleware).forRoutes({ path: '{*rest}', method: RequestMethod.ALL });
  }
}
