import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trimString } from './trim-string';

/** The title of anything residents read in a list: trimmed, 3 to 150 characters. */
export const TitleField = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ maxLength: 150 }), Transform(trimString), IsString(), MinLength(3), MaxLength(150));

/** Free text (plain or the Markdown subset): trimmed, 1 to `maxLength` characters. */
export const BodyField = (maxLength: number, description = 'Plain text or the Markdown subset'): PropertyDecorator =>
  applyDecorators(ApiProperty({ maxLength, description }), Transform(trimString), IsString(), MinLength(1), MaxLength(maxLength));
