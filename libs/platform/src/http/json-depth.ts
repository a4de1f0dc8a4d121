import type { NextFunction, Request, Response } from 'express';
import { Problems } from '../errors/problem';

/** Deeper than any body the api takes; class-transformer and validators recurse, so depth is bounded first. */
export const MAX_BODY_DEPTH = 32;

/** Depth of nested arrays and objects, counted without recursion so that no input can overflow the stack. */
export function nestingDepth(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a parsed JSON body nested deeper than MAX_BODY_DEPTH with a 400, before anything walks it. */
export function rejectDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (nestingDepth(request.body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    next(Problems.badRequest('body_too_deep', `The request body nests deeper than ${MAX_BODY_DEPTH} levels.`));
    return;
  }
  next();
}
