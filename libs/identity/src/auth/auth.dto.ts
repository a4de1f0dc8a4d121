import { trimString } from '@polity/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponseDto } from '../users/user-response.dto';

export class RegisterDto {
  @ApiProperty({ example: 'ana@example.org' })
  @Transform(trimString)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  password: string;

  @ApiProperty({ example: 'Ana', maxLength: 80 })
  @Transform(trimString)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  displayName: string;

  @ApiPropertyOptional({
    enum: ['en', 'fr'],
    description: 'The language of the site and of mail for this person (the confirmation mail first)',
  })
  @IsOptional()
  @IsIn(['en', 'fr'])
  locale?: 'en' | 'fr';
}

export class LoginDto {
  @ApiProperty()
  @Transform(trimString)
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class AuthResponseDto {
  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;

  @ApiProperty({ description: 'Bearer token for the Authorization header and the Socket.IO handshake' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  accessTokenExpiresIn: number;

  @ApiProperty({ description: 'Single use: exchange it at /auth/refresh for a new pair' })
  refreshToken: string;
}

export class RegistrationReceiptDto {
  @ApiProperty({ description: 'The same answer whether or not the address already had an account' })
  detail: string;
}

export class AccountLinkTokenDto {
  @ApiProperty({ description: 'The token from the link in the email' })
  @IsString()
  @MaxLength(200)
  token: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ana@example.org' })
  @Transform(trimString)
  @IsString()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto extends AccountLinkTokenDto {
  @ApiProperty({ minLength: 10, maxLength: 256 })
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  password: string;
}
