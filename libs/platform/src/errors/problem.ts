import { HttpException } from '@nestjs/common';

export interface FieldProblem {
  /** Dotted path of the offending input, e.g. `points.3f2a…` or `email`. */
  field: string;
  message: string;
  /** The rule that failed (`isEmail`, `maxLength`, `max_projects`, …). */
  rule: string;
}

export interface ProblemInit {
  status: number;
  /** Stable, machine-readable reason, e.g. `validation_failed` or `proposal_not_editable`. */
  code: string;
  detail: string;
  title?: string;
  errors?: FieldProblem[];
  /** Extra members for the body, e.g. `retryAfterSeconds`. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The one exception features throw for an expected failure. The filter turns it into an
 * RFC 9457 `application/problem+json` response.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
  }
}

export const Problems = {
  badRequest: (code: string, detail: string, errors?: FieldProblem[]) => new ProblemException({ status: 400, code, detail, errors }),
  unauthorized: (code: string, detail: string) => new ProblemException({ status: 401, code, detail }),
  forbidden: (code: string, detail: string) => new ProblemException({ status: 403, code, detail }),
  notFound: (what: string) => new ProblemException({ status: 404, code: 'not_found', detail: `${what} was not found.` }),
  conflict: (code: string, detail: string) => new ProblemException({ status: 409, code, detail }),
  unprocessable: (code: string, detail: string, errors?: FieldProblem[]) => new ProblemException({ status: 422, code, detail, errors }),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new ProblemException({
      status: 429,
      code: 'rate_limited',
      detail,
      extensions: { retryAfterSeconds },
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
};
