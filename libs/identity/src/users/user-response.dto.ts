import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@polity/contracts';
import type { UserEntity } from './user.entity';

/** The account as its owner (or an admin) sees it. */
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ description: 'The address was confirmed through the link mailed at registration' })
  emailConfirmed: boolean;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ description: 'A verified resident, matched against the census' })
  verified: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  residentDistrict: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(user: UserEntity): UserResponseDto {
    return {
      id: user.id,
      email: user.email,
      emailConfirmed: user.emailConfirmedAt !== null,
      displayName: user.displayName,
      roles: user.roles,
      verified: user.verifiedAt !== null,
      verifiedAt: user.verifiedAt?.toISOString() ?? null,
      residentDistrict: user.residentDistrict,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
