import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { canonicalKind, FORMER_KIND_SPELLINGS, RESOURCE_KINDS, type ResourceKind } from '@polity/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

/**
 * A `kind` in a request: one of `kinds` (by default every kind), spelled as in the routes. The
 * singular spellings documented before (`comment`) are still read, as the kind's one name.
 */
export function KindField(options: { kinds?: readonly ResourceKind[]; optional?: boolean; description?: string } = {}): PropertyDecorator {
  const kinds = options.kinds ?? RESOURCE_KINDS;
  const formerSpellings = Object.keys(FORMER_KIND_SPELLINGS).filter((spelling) => kinds.includes(FORMER_KIND_SPELLINGS[spelling]));
  const documentation = {
    enum: kinds,
    description: `${options.description ?? 'A kind of content, as in its route'}. Former spellings (${formerSpellings.join(', ')}) are read as these.`,
  };
  return applyDecorators(
    options.optional ? ApiPropertyOptional(documentation) : ApiProperty(documentation),
    ...(options.optional ? [IsOptional()] : []),
    Transform(({ value }: { value: unknown }) => canonicalKind(value)),
    IsIn(kinds, { message: `$property must be one of ${kinds.join(', ')}` }),
  );
}
