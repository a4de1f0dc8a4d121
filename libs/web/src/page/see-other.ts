import type { Response } from 'express';

/** Post/redirect/get: on to `path` (303, so the browser GETs it); undefined, for a page handler to return. */
export function seeOther(response: Response, path: string): undefined {
  response.redirect(303, path);
  return undefined;
}
