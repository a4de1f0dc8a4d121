import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A finite number with at most two decimals. class-validator's `IsNumber({ maxDecimalPlaces })`
 * reads the decimals from `toString()`, which throws on exponent forms such as 1e-7; this does not.
 */
export const IsHundredths = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isHundredths',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
        defaultMessage: () => '$property must be a number with at most two decimals',
      },
    },
    options,
  );
