import type { ValueTransformer } from 'typeorm';

/**
 * Money is stored as bigint (whole currency units) and read as a number: amounts stay far below
 * 2^53, where JavaScript numbers are exact.
 */
export const wholeAmount: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
