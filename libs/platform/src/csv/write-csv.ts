import { csvField } from './parse-csv';

// eslint-disable-next-line no-control-regex
const NEEDS_CARE = /[",=+\-@\u0000-\u001F\u007F]/;

/**
 * For files people open in a spreadsheet: as csvField, and text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first) is prefixed with an apostrophe, so residents' words never
 * execute on an official's machine. Open data uses csvField: data kept exactly.
 */
export function csvCell(value: string): string {
  // Most cells (keys, numbers, plain words) hold nothing to guard against: one test, no copy.
  if (!NEEDS_CARE.test(value)) return value;
  return csvField(/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value);
}
