import { GracefulShutdown } from './graceful-shutdown';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { urlencoded, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { PolityLogger } from '../logging/polity-logger';
import { HttpConfig, RuntimeConfig, SiteConfig } from '../config/polity-config';
import { validationProblem } from '../errors/validation-problem.factory';
import { finishApiDocument } from './api-document';
import { answerClientErrors } from './client-errors';
import { rejectDeepBodies } from './json-depth';
import { PlainTextPipe } from './plain-text.pipe';

export const API_PREFIX = 'api/v1';

/** HTML pages with forms (what account emails link to) live here; only they take form posts. */
export const PAGES_PATH = `/${API_PREFIX}/pages`;

/** Large uploads (a census, a batch of paper ballots) arrive as CSV text on their own routes. */
const CSV_BODY_LIMIT = '25mb';

const logoOrigin = (url: string): string[] => (url.startsWith('https://') ? [new URL(url).origin] : []);

/**
 * Everything an HTTP process sets up around its routes; main.ts and the tests' createTestApp()
 * both call it, so tests exercise the same pipes, filters and headers as production.
 */
export function configureHttpApp(app: NestExpressApplication, options: { withApiDocs: boolean }): void {
  const http = app.get(HttpConfig);
  const production = app.get(RuntimeConfig).isProduction;
  app.useLogger(app.get(PolityLogger));
  app.flushLogs();
  app.set('trust proxy', http.trustProxy);
  app.disable('x-powered-by');
  answerClientErrors(app.getHttpServer());
  app.use(app.get(GracefulShutdown).track);
  app.use(
    helmet({
      // Browsers remember HSTS for a year: sent from a development server on plain http://localhost it
      // would break every other local site on that port. Production runs behind TLS.
      strictTransportSecurity: production,
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: production ? [] : null,
          // The municipality's logo may live on its own site; no other image comes from elsewhere.
          imgSrc: ["'self'", 'data:', ...logoOrigin(app.get(SiteConfig).logoUrl)],
          // Council meetings are streamed from YouTube, Vimeo or any PeerTube instance (the clerk's
          // address is checked and the embed address rebuilt from it), or played from an HLS playlist.
          frameSrc: ["'self'", 'https:'],
          mediaSrc: ["'self'", 'https:'],
        },
      },
      // Under no-referrer a browser sends `Origin: null` even with a form posted to this very site,
      // and the site's forms are checked by their Origin; nothing leaves for other sites either way.
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.enableCors({
    origin: http.corsOrigins === '*' ? true : http.corsOrigins,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after'],
  });
  app.useBodyParser('json', { limit: http.bodyLimit });
  app.use(rejectDeepBodies);
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: CSV_BODY_LIMIT });
  app.use(PAGES_PATH, urlencoded({ extended: false, limit: '4kb' }));
  // The web site's forms; the JSON api takes JSON only.
  const webForms = urlencoded({ extended: false, limit: '64kb' });
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.startsWith('/api/') ? next() : webForms(request, response, next),
  );
  app.useGlobalPipes(
    new PlainTextPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // One message per field: "email must be an email" rather than every rule it also breaks.
      stopAtFirstError: true,
      exceptionFactory: validationProblem,
    }),
  );
  app.enableShutdownHooks();
  if (options.withApiDocs) {
    const document = finishApiDocument(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Polity API')
          .setDescription(
            'Citizen participation: proposals, budgets, surveys, co-design and council meetings. Errors are RFC 9457 problem+json.',
          )
          .setVersion('1')
          .addBearerAuth()
          .build(),
      ),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
}
