import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/**
 * Template keys are snake_case like the report reasons they go with (`off_topic`). The hyphenated
 * keys of the first release (`off-topic`) are read as their snake_case names.
 */
export const TemplateKey = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/-/g, '_') : value)),
    Matches(/^[a-z][a-z0-9_]{1,40}$/, { message: '$property must be snake_case: a-z, 0-9 and _, 2 to 41 characters' }),
  );
