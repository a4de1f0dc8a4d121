import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { RuntimeConfig } from '../config/polity-config';

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

/**
 * Structured JSON logs through pino. Request lines carry the method, the path without its query
 * string (queries can hold search terms or tokens) and the correlation id, never bodies.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [RuntimeConfig],
      useFactory: (runtime: RuntimeConfig) => ({
        pinoHttp: {
          level: runtime.logLevel,
          genReqId: correlationId,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
      }),
    }),
  ],
})
export class LoggingModule {}
