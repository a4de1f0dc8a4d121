import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMAIL_FREQUENCIES, type EmailFrequency, NOTIFICATION_KINDS, type NotificationKind } from '@polity/contracts';
import { PageQueryDto } from '@polity/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @ApiProperty({ enum: EMAIL_FREQUENCIES })
  @IsIn(EMAIL_FREQUENCIES)
  email: EmailFrequency;
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: PreferenceDto, isArray: true, description: 'Kinds not listed keep their setting' })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ArrayUnique((preference: PreferenceDto) => preference?.kind, { message: 'preferences must name each kind once' })
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences: PreferenceDto[];
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'The token from the link in an email' })
  @IsString()
  @MaxLength(500)
  token: string;
}
