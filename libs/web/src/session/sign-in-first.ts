import type { Response } from 'express';
import { seeOther } from '../page/see-other';

/** The sign-in page's address, coming back to `next` (a path of this site) once signed in. */
export const signInPath = (next: string): string => `/sign-in?next=${encodeURIComponent(next)}`;

/** Sends a visitor to sign in first, then back to `next`; undefined, for a handler to return. */
export function signInFirst(response: Response, next: string): undefined {
  return seeOther(response, signInPath(next));
}
