import type { Request } from 'express';

/** What went wrong, as an error page tells it. */
export interface PageProblem {
  status: number;
  code: string;
  detail: string;
  correlationId: string;
}

/**
 * The web site's error pages. The exception filter asks for one whenever a request that is not the
 * JSON api's fails; the web library provides it (a process without pages answers problem+json only).
 */
export abstract class ErrorPages {
  /** A whole HTML page for this request's failure, or null when the request is not a page's. */
  abstract render(request: Request, problem: PageProblem): string | null;
}
