import { ApiProperty } from '@nestjs/swagger';
import { LINKABLE_KINDS, type LinkableKind } from '@polity/contracts';
import { IsIn, IsUUID } from 'class-validator';

/** A reference to a proposal, budget, project, survey or thread, e.g. on an agenda item. */
export class ResourceLinkDto {
  @ApiProperty({ enum: LINKABLE_KINDS })
  @IsIn(LINKABLE_KINDS)
  kind: LinkableKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

/** The links without repeats, in their first order. */
export const uniqueLinks = <T extends { kind: string; id: string }>(links: readonly T[]): T[] => [
  ...new Map(links.map((link) => [`${link.kind}:${link.id}`, link])).values(),
];
