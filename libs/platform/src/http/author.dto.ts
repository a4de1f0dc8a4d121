import { ApiProperty } from '@nestjs/swagger';
import type { AuthorView } from '@polity/contracts';

/** A contributor in responses; an erased account shows as "Deleted user" with a null id. */
export class AuthorDto implements AuthorView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id: string | null;
  @ApiProperty() displayName: string;
}
