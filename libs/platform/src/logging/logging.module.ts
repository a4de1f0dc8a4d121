import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pretty from 'pino-pretty';
import { RuntimeConfig } from '../config/polity-config';
import { PolityLogger } from './polity-logger';

const CORRELATION_HEADER = 'x-request-id';
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Fields that may carry credentials or personal data; pino replaces their values before writing. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.email',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.identifier',
  '*.birthDate',
  '*.postcode',
];

export function correlationId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers[CORRELATION_HEADER];
  const id = typeof incoming === 'string' && SAFE_CORRELATION_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(CORRELATION_HEADER, id);
  return id;
}

/** "GET /api/v1/proposals 200 12ms": the request line reads the same in JSON and in a terminal. */
function requestLine(request: IncomingMessage, response: ServerResponse, responseTime?: number): string {
  const path = (request.url ?? '').split('?')[0];
  return `${request.method} ${path} ${response.statusCode}${responseTime === undefined ? '' : ` ${Math.round(responseTime)}ms`}`;
}

/** One line per event, coloured when the terminal can show it, for a person reading along. */
function humanReadable(): NodeJS.WritableStream {
  return pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{msg}',
  });
}

/**
 * Logs through pino: JSON lines for machines (production, and wherever `LOG_FORMAT=json`), one
 * readable line per event in development. Request lines carry the method, the path without its
 * query string (queries can hold search terms or tokens) and the correlation id, never bodies.
 */
@Global()
@Module({
  providers: [PolityLogger],
  exports: [PolityLogger],
  imports: [
    LoggerModule.forRootAsync({
      imports: [],
      providers: [],
      inject: [RuntimeConfig],
      useFactory: (runtime: RuntimeConfig) => ({
        // Express 5's path syntax for "every route" (nestjs-pino 4 still registers the old `*`).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: [
          {
            level: runtime.logLevel,
            genReqId: correlationId,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            customSuccessMessage: requestLine,
            customErrorMessage: (request: IncomingMessage, response: ServerResponse) => requestLine(request, response),
            autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                path: request.url.split('?')[0],
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
          runtime.logFormat === 'pretty' ? humanReadable() : process.stdout,
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
