import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { trimString } from './trim-string';

/**
 * One line of text (a title, a name, a place): trimmed, `min` to `max` characters, no line
 * breaks, since it may reach a calendar entry, a mail subject or a CSV cell as it is.
 */
export const SingleLineText = (max: number, min = 1): PropertyDecorator =>
  applyDecorators(
    Transform(trimString),
    IsString(),
    MinLength(min),
    MaxLength(max),
    Matches(/^[^\r\n]*$/, { message: '$property must be a single line' }),
  );

/** The title of anything residents read in a list: one line of 3 to 150 characters. */
export const TitleField = (): PropertyDecorator => applyDecorators(ApiProperty({ maxLength: 150 }), SingleLineText(150, 3));

/** Free text (plain or the Markdown subset): trimmed, 1 to `maxLength` characters. */
export const BodyField = (maxLength: number, description = 'Plain text or the Markdown subset'): PropertyDecorator =>
  applyDecorators(ApiProperty({ maxLength, description }), Transform(trimString), IsString(), MinLength(1), MaxLength(maxLength));
