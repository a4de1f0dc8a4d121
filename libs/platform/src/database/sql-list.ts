/** `'a', 'b', 'c'`: a list of known constants for a CHECK constraint's `IN (…)`. Never for user input. */
export const sqlList = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');
