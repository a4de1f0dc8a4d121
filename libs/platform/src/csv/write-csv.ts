import { csvField } from './parse-csv';

/**
 * For files people open in a spreadsheet: as csvField, and text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first) is prefixed with an apostrophe, so residents' words never
 * execute on an official's machine. Open data uses csvField: data kept exactly.
 */
export function csvCell(value: string): string {
  return csvField(/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value);
}
