import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { type FieldProblem, Problems } from '../errors/problem';

/**
 * Characters no resident's text contains: C0 controls other than tab, line feed and carriage
 * return, DEL, C1 controls, and halves of a surrogate pair (which PostgreSQL refuses to store).
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in a value (walked without recursion) that holds a forbidden character, by its path. */
export function firstControlCharacter(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (FORBIDDEN.test(current)) return path;
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        if (FORBIDDEN.test(key)) return path ? `${path}.${key}` : key;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return null;
}

/**
 * Runs before validation on every body, query and route parameter: text with control characters
 * or broken Unicode is refused with a 400 naming the field, so it never reaches a database, a
 * calendar feed, a mail header or a spreadsheet.
 */
@Injectable()
export class PlainTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const field = firstControlCharacter(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (field === null) return value;
    const problem: FieldProblem = { field: field || 'body', rule: 'plain_text', message: 'must not contain control characters' };
    throw Problems.badRequest('validation_failed', `${problem.field} must not contain control characters.`, [problem]);
  }
}
