import type { ValidationError } from 'class-validator';
import { FieldProblem, ProblemException } from './problem';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Used by the global ValidationPipe: every invalid field, listed, in one 400 problem. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fields = flatten(errors);
  const detail =
    fields.length === 1 ? `Invalid input: ${fields[0].message}.` : `Invalid input: ${fields.length} problems, listed in errors.`;
  return new ProblemException({ status: 400, code: 'validation_failed', detail, title: 'Invalid request', errors: fields });
}
