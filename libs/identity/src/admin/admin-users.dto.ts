import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRANTABLE_ROLES, ROLES, type GrantableRole, type Role } from '@polity/contracts';
import { PageQueryDto } from '@polity/platform';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { UserResponseDto } from '../users/user-response.dto';

export class SetRolesDto {
  @ApiProperty({ enum: GRANTABLE_ROLES, isArray: true, description: 'citizen is implied; send [] to make someone a plain citizen' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(GRANTABLE_ROLES.length)
  @IsIn(GRANTABLE_ROLES, { each: true })
  roles: GrantableRole[];
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of an email address or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserPageDto {
  @ApiProperty({ type: UserResponseDto, isArray: true }) items: UserResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
