import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { correlationId as assignCorrelationId } from '../logging/logging.module';
import { unavailableDependency } from './dependency-errors';
import { ErrorPages } from './error-pages';
import { ProblemException, ProblemInit } from './problem';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are URNs: stable identifiers that do not pretend to be a web page. */
export const problemType = (code: string): string => `urn:polity:problem:${code}`;

function fromHttpException(exception: HttpException): ProblemInit {
  const status = exception.getStatus();
  if (exception instanceof ThrottlerException) {
    return { status, code: 'rate_limited', detail: 'Too many requests; slow down and try again shortly.' };
  }
  const response = exception.getResponse();
  const message = typeof response === 'object' && response !== null && 'message' in response ? response.message : response;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  const code = (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_');
  return { status, code, detail };
}

/** PostgreSQL or Redis away: the client may try again shortly. */
function fromUnavailableDependency(exception: unknown): ProblemInit | null {
  const dependency = unavailableDependency(exception);
  if (!dependency) return null;
  return {
    status: 503,
    code: 'service_unavailable',
    detail: `Polity cannot reach its ${dependency === 'database' ? 'database' : 'message broker'} at the moment. Try again in a few seconds.`,
    headers: { 'Retry-After': '5' },
  };
}

/** Body-parser errors (malformed JSON, oversized body) reach the filter as plain errors carrying a status. */
function fromParserError(exception: unknown): ProblemInit | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const candidate = exception as { status?: unknown; type?: unknown; expose?: unknown };
  if (typeof candidate.status !== 'number' || candidate.status < 400 || candidate.status >= 500 || candidate.expose !== true) return null;
  if (candidate.type === 'entity.parse.failed') {
    return { status: 400, code: 'malformed_body', detail: 'The request body is not valid JSON.' };
  }
  if (candidate.type === 'entity.too.large') {
    return { status: 413, code: 'body_too_large', detail: 'The request body is larger than this endpoint accepts.' };
  }
  return { status: candidate.status, code: 'bad_request', detail: 'The request body could not be read.' };
}

/**
 * The single exception filter: every error leaves as RFC 9457 problem+json carrying the request's
 * correlation id. Unexpected errors are logged with their cause and answered with the id alone.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');
  private pages: ErrorPages | null | undefined;

  constructor(private readonly modules?: ModuleRef) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // Body parsing runs before the logging middleware, so a malformed body has no id yet.
    const correlationId = typeof request.id === 'string' ? request.id : assignCorrelationId(request, response);

    let problem: ProblemInit;
    if (exception instanceof ProblemException) problem = exception.problem;
    else if (exception instanceof HttpException) problem = fromParserError(exception.cause) ?? fromHttpException(exception);
    else
      problem = fromParserError(exception) ?? fromUnavailableDependency(exception) ?? { status: 500, code: 'internal_error', detail: '' };

    if (problem.status === 503 && problem.code === 'service_unavailable') {
      this.logger.warn({ correlationId, reason: String((exception as Error).message) }, 'a dependency is unavailable');
    } else if (problem.status >= 500 && !(exception instanceof ProblemException)) {
      this.logger.error({ err: exception, correlationId }, 'unhandled error');
      problem = {
        status: problem.status,
        code: 'internal_error',
        detail: `Something went wrong on our side. Quote ${correlationId} when reporting it.`,
      };
    }

    const body = {
      type: problemType(problem.code),
      title: problem.title ?? STATUS_CODES[problem.status] ?? 'Error',
      status: problem.status,
      detail: problem.detail,
      instance: request.originalUrl?.split('?')[0],
      code: problem.code,
      correlationId,
      ...(problem.errors ? { errors: problem.errors } : {}),
      ...problem.extensions,
    };
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(problem.headers ?? {})) response.setHeader(name, value);
    const page = this.errorPages()?.render(request, { status: problem.status, code: problem.code, detail: problem.detail, correlationId });
    if (page) response.status(problem.status).type('html').send(page);
    else response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  /** The web site's error pages, when this process serves the site. */
  private errorPages(): ErrorPages | null {
    if (this.pages === undefined) {
      try {
        this.pages = this.modules?.get(ErrorPages, { strict: false }) ?? null;
      } catch {
        this.pages = null;
      }
    }
    return this.pages;
  }
}
